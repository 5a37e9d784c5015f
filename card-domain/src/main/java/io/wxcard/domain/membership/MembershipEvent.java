package io.wxcard.domain.membership;

import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.LedgerEntry;
import java.time.Instant;

/**
 * What happened to a membership that WeChat must hear of; the application turns each into its outbox task. The other
 * transitions are WeChat's own news to us (a member received, deleted or restored a card) or were asked of WeChat
 * first (an activation), so they have no event: a type that nothing reads is not kept.
 */
public sealed interface MembershipEvent {
    CardId cardId();

    Code code();

    Instant occurredAt();

    record MembershipInvalidated(CardId cardId, Code code, String reason, Instant occurredAt) implements MembershipEvent {}

    record LedgerEntryRecorded(CardId cardId, Code code, LedgerEntry entry) implements MembershipEvent {
        @Override
        public Instant occurredAt() {
            return entry.recordedAt();
        }
    }
}
