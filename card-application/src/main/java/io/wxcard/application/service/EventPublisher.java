package io.wxcard.application.service;

import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.events.EventType;
import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.application.port.out.store.EventStore;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.loyalty.LevelChange;
import io.wxcard.domain.loyalty.LevelName;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what changed into the events the merchant's systems hear of, and appends them to the events table in the
 * caller's transaction (the change and its event commit together, or neither does). Which transition is which event
 * is decided here alone, from the state before and after, so every path that changes a membership or a card (the
 * API, WeChat's pushes, imports) tells of it the same way.
 */
final class EventPublisher {

    private final EventStore events;
    private final IdGenerator ids;
    private final Clock clock;

    EventPublisher(EventStore events, IdGenerator ids, Clock clock) {
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /** A membership was created ({@code before} empty) or changed state. */
    void membershipChanged(Option<Membership> before, Membership after) {
        if (before.isEmpty()) {
            publish(EventType.MEMBERSHIP_ISSUED, after, Map.of());
            if (after.state() == MembershipState.ACTIVATED) {
                publish(EventType.MEMBERSHIP_ACTIVATED, after, activation(after));
            }
            return;
        }
        MembershipState was = before.get().state();
        MembershipState now = after.state();
        if (was == now) {
            return;
        }
        if (was == MembershipState.DELETED) {
            publish(EventType.MEMBERSHIP_RESTORED, after, Map.of());
        } else if (now == MembershipState.ACTIVATED) {
            publish(EventType.MEMBERSHIP_ACTIVATED, after, activation(after));
        } else if (now == MembershipState.INVALIDATED) {
            publish(EventType.MEMBERSHIP_INVALIDATED, after,
                    after.snapshot().invalidationReason().map(reason -> Map.of("reason", reason)).getOrElse(Map.of()));
        } else if (now == MembershipState.DELETED) {
            publish(EventType.MEMBERSHIP_DELETED_BY_MEMBER, after, Map.of());
        }
    }

    /** A points or stored-value entry landed; the event carries the totals after it and who made it. */
    void ledgerRecorded(Membership after, LedgerEntry entry) {
        publish(entry.asset() == Asset.POINTS ? EventType.POINTS_CHANGED : EventType.BALANCE_CHANGED, after,
                ledgerData(entry));
    }

    private static Map<String, String> ledgerData(LedgerEntry entry) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("delta", Long.toString(entry.delta()));
        data.put("source", entry.source().name());
        data.put("reason", entry.reason());
        data.put("idempotency_key", entry.key().value());
        data.put("sequence", Long.toString(entry.sequence()));
        return data;
    }

    /**
     * {@link #ledgerRecorded} for many entries at once (a chunk of a ledger batch): their events go to the events
     * table in one round trip. Each result's membership carries the totals right after its entry.
     */
    void ledgerRecorded(List<LedgerResult> recorded) {
        List<MerchantEvent> drafted = new ArrayList<>(recorded.size());
        recorded.forEach(result -> drafted.add(event(result.entry().asset() == Asset.POINTS ? EventType.POINTS_CHANGED
                : EventType.BALANCE_CHANGED, result.membership(), ledgerData(result.entry()))));
        if (!drafted.isEmpty()) {
            events.appendAll(drafted);
        }
    }

    /** The member's level changed (issue 17): the old level (empty for a first level), the new one, and why. */
    void levelChanged(Membership membership, LevelChange change) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("from_level", change.from().map(LevelName::value).getOrElse(""));
        data.put("to_level", change.to().value());
        data.put("direction", change.direction().name());
        data.put("cause", change.cause());
        publish(EventType.LEVEL_CHANGED, membership, data);
    }

    void memberInfoSubmitted(Membership membership) {
        publish(EventType.MEMBER_INFO_SUBMITTED, membership, Map.of());
    }

    /** The profile changed; the event names the membership only (the profile is read with the API, in full). */
    void profileUpdated(Membership membership) {
        publish(EventType.MEMBER_PROFILE_UPDATED, membership, Map.of());
    }

    void cardChanged(Card before, Card after) {
        if (before.state() == after.state()) {
            return;
        }
        EventType type = switch (after.state()) {
            case APPROVED -> before.state() == CardState.UNDER_REVIEW ? EventType.CARD_APPROVED : null;
            case REJECTED -> EventType.CARD_REJECTED;
            case DELETED -> EventType.CARD_DELETED;
            default -> null;
        };
        if (type != null) {
            Map<String, String> data = type == EventType.CARD_REJECTED
                    ? after.snapshot().refusalReason().map(reason -> Map.of("refuse_reason", reason)).getOrElse(Map.of())
                    : Map.of();
            Draft draft = json(type, after.tenantId());
            append(after.tenantId(), type, "card/" + after.id().value(), draft, draft.json()
                    .text("card_id", after.id().value())
                    .text("card_state", after.state().name())
                    .object("data", data));
        }
    }

    void importFinished(TenantId tenantId, ImportJobId jobId, ImportJob.Counts counts) {
        EventType type = EventType.IMPORT_FINISHED;
        Draft draft = json(type, tenantId);
        append(tenantId, type, "import/" + jobId.value(), draft, draft.json()
                .text("import_id", jobId.value())
                .object("data", Map.of("staged", Long.toString(counts.staged()),
                        "imported", Long.toString(counts.imported()), "skipped", Long.toString(counts.skipped()),
                        "failed", Long.toString(counts.failed()))));
    }

    private void publish(EventType type, Membership membership, Map<String, String> data) {
        events.append(event(type, membership, data));
    }

    private MerchantEvent event(EventType type, Membership membership, Map<String, String> data) {
        MembershipKey key = membership.key();
        Draft draft = json(type, key.tenantId());
        return event(key.tenantId(), type, "membership/" + key.cardId().value() + "/" + key.code().value(), draft,
                draft.json()
                        .text("card_id", key.cardId().value())
                        .text("code", key.code().value())
                        .text("membership_number", membership.membershipNumber().map(Object::toString).getOrNull())
                        .text("state", membership.state().name())
                        .number("points", membership.totals().points().value())
                        .number("balance", membership.totals().balance().value())
                        .object("data", data));
    }

    private Map<String, String> activation(Membership membership) {
        return membership.snapshot().activationMethod().map(method -> Map.of("method", method.name()))
                .getOrElse(Map.of());
    }

    /** An event being written: its id and time are fixed first, since the JSON starts with them. */
    private record Draft(String id, Instant occurredAt, EventJson json) {}

    private Draft json(EventType type, TenantId tenantId) {
        String id = ids.newId("ev");
        Instant now = clock.now().truncatedTo(ChronoUnit.MICROS); // what every database keeps
        return new Draft(id, now, new EventJson().text("id", id).text("type", type.wireName())
                .text("tenant", tenantId.value()).text("occurred_at", now.toString()));
    }

    private void append(TenantId tenantId, EventType type, String orderKey, Draft draft, EventJson filled) {
        events.append(event(tenantId, type, orderKey, draft, filled));
    }

    private static MerchantEvent event(TenantId tenantId, EventType type, String orderKey, Draft draft,
                                       EventJson filled) {
        return new MerchantEvent(draft.id(), 0, tenantId, type, orderKey, draft.occurredAt(), filled.end());
    }
}
