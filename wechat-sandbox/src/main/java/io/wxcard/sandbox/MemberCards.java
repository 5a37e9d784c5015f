package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The member-card calls of the Official Account API on a member's code: activate, updateuser, userinfo, and the
 * changes WeChat itself makes to a member's totals (played by the control API). Each runs under the monitor of the
 * card involved, like {@link Members}; events are pushed after the change.
 */
final class MemberCards {
    private final Apps apps;
    private final Cards cards;
    private final Members members;
    private final Pusher pusher;
    private final Stats stats;

    MemberCards(Apps apps, Cards cards, Members members, Pusher pusher, Stats stats) {
        this.apps = apps;
        this.cards = cards;
        this.members = members;
        this.pusher = pusher;
        this.stats = stats;
    }

    /** The fields of {@code /card/membercard/activate}. */
    record Activation(String cardId, String code, String membershipNumber, String backgroundPicUrl,
                      Long beginTime, Long endTime, Long initBonus, Long initBalance, String[] customValues) {
    }

    /**
     * {@code /card/membercard/activate}. Repeating the activation with the same membership_number answers ok and
     * changes nothing (a safe retry); another number for an active code is refused with 40097.
     */
    void activate(String appId, Activation request) {
        Card card = members.locate(appId, request.cardId(), request.code());
        synchronized (card) {
            Membership member = card.member(request.code());
            card.requireIssuable(cards.whitelisted(appId, member.openid));
            member.requireUsable();
            if (member.active) {
                if (Objects.equals(member.membershipNumber, request.membershipNumber())) {
                    return;
                }
                throw WxException.invalidArgs("the code is already activated with membership_number "
                        + member.membershipNumber);
            }
            requireSupply(card, request.initBonus(), request.initBalance());
            if (request.initBonus() != null && request.initBonus() < 0
                    || request.initBalance() != null && request.initBalance() < 0) {
                throw WxException.invalidArgs("init_bonus and init_balance cannot be negative");
            }
            member.activate(request.membershipNumber(), cards.now());
            member.bonus = request.initBonus() == null ? member.bonus : request.initBonus();
            member.balance = request.initBalance() == null ? member.balance : request.initBalance();
            member.backgroundPicUrl = request.backgroundPicUrl();
            member.activateBeginTime = request.beginTime();
            member.activateEndTime = request.endTime();
            setCustomValues(member, request.customValues());
        }
    }

    /** The fields of {@code /card/membercard/updateuser}. */
    record Update(String cardId, String code, Long bonus, Long addBonus, String recordBonus, Long balance,
                  Long addBalance, String recordBalance, String backgroundPicUrl, String[] customValues,
                  Notify notifyOptional) {
    }

    /**
     * {@code notify_optional}: whether WeChat shows the member a system message for a change of points, balance or a
     * custom field. Points and balance notify unless switched off; custom fields only when switched on
     * (FIDELITY.md section 19).
     */
    record Notify(boolean bonus, boolean balance, boolean[] customFields) {
        static Notify of(com.fasterxml.jackson.databind.JsonNode body) {
            com.fasterxml.jackson.databind.JsonNode n = body.path("notify_optional");
            return new Notify(n.path("is_notify_bonus").asBoolean(true), n.path("is_notify_balance").asBoolean(true),
                    new boolean[] {n.path("is_notify_custom_field1").asBoolean(false),
                        n.path("is_notify_custom_field2").asBoolean(false),
                        n.path("is_notify_custom_field3").asBoolean(false)});
        }
    }

    /** What updateuser answers. */
    record Updated(String openid, long resultBonus, long resultBalance) {
    }

    /**
     * {@code /card/membercard/updateuser}: absolute bonus/balance set the totals (idempotent), add_* alone adds
     * (not idempotent). The code must be activated (40078). By default nothing is pushed (update_member_card reports
     * changes made on WeChat's side, {@link #wechatSideChange}); with the account's echo switched on, a change of
     * bonus or balance is pushed as update_member_card too.
     */
    Updated updateUser(String appId, Update request) {
        Card card = members.locate(appId, request.cardId(), request.code());
        Membership.Totals totals;
        String openid;
        synchronized (card) {
            Membership member = card.member(request.code());
            member.requireUsable();
            if (!member.active) {
                throw WxException.cardStatus("the member's card (code " + member.code + ") is not activated");
            }
            Long bonusChange = request.bonus() != null ? request.bonus() : request.addBonus();
            Long balanceChange = request.balance() != null ? request.balance() : request.addBalance();
            requireSupply(card, bonusChange, balanceChange);
            totals = member.applyTotals(request.bonus(), request.addBonus(), request.balance(), request.addBalance());
            if (request.backgroundPicUrl() != null) {
                member.backgroundPicUrl = request.backgroundPicUrl();
            }
            String[] before = member.customFieldValues.clone();
            setCustomValues(member, request.customValues());
            notify(member, request, totals, before);
            if (totals.changed()) {
                member.changes.addObject().put("time", cards.now()).put("source", "updateuser")
                        .put("bonus_delta", totals.bonusDelta()).put("record_bonus", request.recordBonus())
                        .put("balance_delta", totals.balanceDelta()).put("record_balance", request.recordBalance())
                        .put("result_bonus", totals.bonus()).put("result_balance", totals.balance());
            }
            openid = member.openid;
        }
        stats.updateuserApplied.increment();
        if (totals.changed() && apps.echoUpdateUser(appId)) { // opt-in: see SandboxSettings#echoUpdateUser
            pusher.push(members.event(card, openid, "update_member_card").text("CardId", card.id)
                    .text("UserCardCode", request.code()).number("ModifyBonus", totals.bonusDelta())
                    .number("ModifyBalance", totals.balanceDelta()));
        }
        return new Updated(openid, totals.bonus(), totals.balance());
    }

    /**
     * A change of the member's totals made on WeChat's side, not by the merchant through updateuser (the control
     * API plays it): the deltas are applied and recorded, and update_member_card is pushed with them. Refused like
     * updateuser: a deleted (40127) or unavailable (40099) code, a code not activated (40078), a total that would
     * become negative (40097), bonus on a supply_bonus:false card (40097), balance on a supply_balance:false card
     * (43010); and a change that moves nothing (40097). With {@code push} false nothing is pushed: a change whose
     * event was lost for good, for a reconcile to find.
     */
    Updated wechatSideChange(Card card, String code, long bonusDelta, long balanceDelta, String reason, boolean push) {
        if (bonusDelta == 0 && balanceDelta == 0) {
            throw WxException.invalidArgs("bonus_delta and balance_delta are both 0: nothing changes");
        }
        Membership.Totals totals;
        String openid;
        synchronized (card) {
            Membership member = card.member(code);
            member.requireUsable();
            if (!member.active) {
                throw WxException.cardStatus("the member's card (code " + member.code + ") is not activated");
            }
            requireSupply(card, bonusDelta == 0 ? null : bonusDelta, balanceDelta == 0 ? null : balanceDelta);
            totals = member.applyTotals(null, bonusDelta, null, balanceDelta);
            member.changes.addObject().put("time", cards.now()).put("source", "wechat").put("reason", reason)
                    .put("bonus_delta", totals.bonusDelta()).put("balance_delta", totals.balanceDelta())
                    .put("result_bonus", totals.bonus()).put("result_balance", totals.balance());
            openid = member.openid;
        }
        stats.wechatSideChanges.increment();
        if (!push) {
            return new Updated(openid, totals.bonus(), totals.balance());
        }
        pusher.push(members.event(card, openid, "update_member_card").text("CardId", card.id).text("UserCardCode", code)
                .number("ModifyBonus", totals.bonusDelta()).number("ModifyBalance", totals.balanceDelta()));
        return new Updated(openid, totals.bonus(), totals.balance());
    }

    /** {@code /card/membercard/userinfo/get}. */
    ObjectNode userInfo(String appId, String cardId, String code) {
        Card card = members.locate(appId, cardId, code);
        synchronized (card) {
            Membership member = card.member(code);
            if (Membership.GIFT_SUCC.equals(member.status)) { // the code moved to the friend under a new one
                throw WxException.invalidCode(code);
            }
            ObjectNode out = Json.object().put("openid", member.openid).put("nickname", member.nickname)
                    .put("membership_number", member.membershipNumber).put("bonus", member.bonus)
                    .put("balance", member.balance).put("sex", member.sex == null ? "" : member.sex);
            out.set("user_info", member.userInfoOrEmpty());
            return out.put("user_card_status", member.status).put("has_active", member.active);
        }
    }

    private static void requireSupply(Card card, Long bonus, Long balance) {
        if (balance != null && !card.options().supplyBalance()) {
            throw new WxException(43010, "no stored-value permission: the card was created with supply_balance false");
        }
        if (bonus != null && !card.options().supplyBonus()) {
            throw WxException.invalidArgs("the card was created with supply_bonus false");
        }
    }

    /** The system messages an updateuser shows the member: a change they are told of, per notify_optional. */
    private void notify(Membership member, Update request, Membership.Totals totals, String[] before) {
        Notify notify = request.notifyOptional() == null ? new Notify(true, true, new boolean[3]) : request.notifyOptional();
        if (notify.bonus() && totals.bonusDelta() != 0) {
            member.notices.addObject().put("time", cards.now()).put("kind", "bonus")
                    .put("delta", totals.bonusDelta()).put("record", request.recordBonus());
        }
        if (notify.balance() && totals.balanceDelta() != 0) {
            member.notices.addObject().put("time", cards.now()).put("kind", "balance")
                    .put("delta", totals.balanceDelta()).put("record", request.recordBalance());
        }
        for (int i = 0; i < 3; i++) {
            String now = member.customFieldValues[i];
            if (notify.customFields()[i] && now != null && !now.equals(before[i])) {
                member.notices.addObject().put("time", cards.now()).put("kind", "custom_field" + (i + 1))
                        .put("value", now);
            }
        }
    }

    private static void setCustomValues(Membership member, String[] values) {
        for (int i = 0; values != null && i < 3; i++) {
            if (values[i] != null) {
                member.customFieldValues[i] = values[i];
            }
        }
    }
}
