package io.wxcard.domain.membership;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.LedgerTotals;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every field of a {@link Membership}, for storage; {@link Membership#reconstitute} turns it back without re-checking
 * creation rules. Stores rebuild it with the canonical constructor; the domain makes a new one with {@link #issued} and
 * changes one through {@link #toBuilder()}, so that a new field is added in this file only.
 *
 * @param stateBeforeDeletion where a member-deleted card returns when the member restores it
 * @param formAnswers         the member's answers to the activation form, by field name
 * @param totals              the ledger's totals, kept in step with its entries by the store
 * @param version             the version the store last saved; stores use it to refuse lost updates
 */
public record MembershipSnapshot(
        TenantId tenantId,
        CardId cardId,
        Code code,
        OpenId openId,
        MembershipState state,
        Option<MembershipState> stateBeforeDeletion,
        Option<ActivationMethod> activationMethod,
        Option<MembershipNumber> membershipNumber,
        Map<String, String> formAnswers,
        Option<String> outerStr,
        Option<String> invalidationReason,
        LedgerTotals totals,
        long version,
        Instant receivedAt,
        Option<Instant> activatedAt,
        Instant updatedAt) {

    public MembershipSnapshot {
        formAnswers = Collections.unmodifiableMap(new TreeMap<>(formAnswers));
    }

    /** A membership just handed out: issued, nothing recorded yet, never saved. */
    public static MembershipSnapshot issued(TenantId tenantId, CardId cardId, Code code, OpenId openId,
                                            Option<String> outerStr, Instant now) {
        return new MembershipSnapshot(tenantId, cardId, code, openId, MembershipState.ISSUED, Option.none(),
                Option.none(), Option.none(), Map.of(), outerStr, Option.none(), LedgerTotals.EMPTY, 0, now,
                Option.none(), now);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy of a snapshot with some fields changed; the fields not set keep their values. */
    public static final class Builder {
        private final TenantId tenantId;
        private final CardId cardId;
        private final Code code;
        private final OpenId openId;
        private final Instant receivedAt;
        private MembershipState state;
        private Option<MembershipState> stateBeforeDeletion;
        private Option<ActivationMethod> activationMethod;
        private Option<MembershipNumber> membershipNumber;
        private Map<String, String> formAnswers;
        private Option<String> outerStr;
        private Option<String> invalidationReason;
        private LedgerTotals totals;
        private long version;
        private Option<Instant> activatedAt;
        private Instant updatedAt;

        private Builder(MembershipSnapshot s) {
            tenantId = s.tenantId;
            cardId = s.cardId;
            code = s.code;
            openId = s.openId;
            receivedAt = s.receivedAt;
            state = s.state;
            stateBeforeDeletion = s.stateBeforeDeletion;
            activationMethod = s.activationMethod;
            membershipNumber = s.membershipNumber;
            formAnswers = s.formAnswers;
            outerStr = s.outerStr;
            invalidationReason = s.invalidationReason;
            totals = s.totals;
            version = s.version;
            activatedAt = s.activatedAt;
            updatedAt = s.updatedAt;
        }

        public Builder state(MembershipState value) {
            state = value;
            return this;
        }

        public Builder stateBeforeDeletion(Option<MembershipState> value) {
            stateBeforeDeletion = value;
            return this;
        }

        public Builder activationMethod(Option<ActivationMethod> value) {
            activationMethod = value;
            return this;
        }

        public Builder membershipNumber(Option<MembershipNumber> value) {
            membershipNumber = value;
            return this;
        }

        public Builder formAnswers(Map<String, String> value) {
            formAnswers = value;
            return this;
        }

        public Builder invalidationReason(Option<String> value) {
            invalidationReason = value;
            return this;
        }

        public Builder totals(LedgerTotals value) {
            totals = value;
            return this;
        }

        public Builder version(long value) {
            version = value;
            return this;
        }

        public Builder activatedAt(Option<Instant> value) {
            activatedAt = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        public MembershipSnapshot build() {
            return new MembershipSnapshot(tenantId, cardId, code, openId, state, stateBeforeDeletion, activationMethod,
                    membershipNumber, formAnswers, outerStr, invalidationReason, totals, version, receivedAt,
                    activatedAt, updatedAt);
        }
    }
}
