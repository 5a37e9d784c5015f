package io.wxcard.application.port.out.events;

import io.vavr.control.Option;
import java.util.Arrays;

/** What a merchant's systems hear of, by the name webhooks, the change feed and listeners use. Never rename one. */
public enum EventType {
    CARD_APPROVED("card.approved"),
    CARD_REJECTED("card.rejected"),
    CARD_DELETED("card.deleted"),
    MEMBERSHIP_ISSUED("membership.issued"),
    MEMBERSHIP_ACTIVATED("membership.activated"),
    MEMBERSHIP_INVALIDATED("membership.invalidated"),
    MEMBERSHIP_DELETED_BY_MEMBER("membership.deleted_by_member"),
    MEMBERSHIP_RESTORED("membership.restored"),
    POINTS_CHANGED("membership.points_changed"),
    BALANCE_CHANGED("membership.balance_changed"),
    MEMBER_INFO_SUBMITTED("member.info_submitted"),
    MEMBER_PROFILE_UPDATED("member.profile_updated"),
    IMPORT_FINISHED("import.finished"),
    /** Issue 17: a member moved up, down or was set to a level by the merchant; with the old and new level. */
    LEVEL_CHANGED("membership.level_changed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Option<EventType> ofWireName(String name) {
        return Option.ofOptional(Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst());
    }
}
