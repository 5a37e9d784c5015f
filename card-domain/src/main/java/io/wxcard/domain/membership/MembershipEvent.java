package io.wxcard.domain.membership;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.LedgerEntry;
import java.time.Instant;

/** Everything that happens to a membership. */
public sealed interface MembershipEvent {
    CardId cardId();

    Code code();

    Instant occurredAt();

    record MembershipReceived(CardId cardId, Code code, OpenId openId, Option<String> outerStr, Instant occurredAt)
            implements MembershipEvent {}

    record MembershipActivated(CardId cardId, Code code, ActivationMethod method, Instant occurredAt)
            implements MembershipEvent {}

    record MemberInfoRecorded(CardId cardId, Code code, Instant occurredAt) implements MembershipEvent {}

    record MembershipInvalidated(CardId cardId, Code code, String reason, Instant occurredAt) implements MembershipEvent {}

    record MembershipDeletedByMember(CardId cardId, Code code, Instant occurredAt) implements MembershipEvent {}

    record MembershipRestored(CardId cardId, Code code, MembershipState stateAfter, Instant occurredAt)
            implements MembershipEvent {}

    record LedgerEntryRecorded(CardId cardId, Code code, LedgerEntry entry) implements MembershipEvent {
        @Override
        public Instant occurredAt() {
            return entry.recordedAt();
        }
    }
}
