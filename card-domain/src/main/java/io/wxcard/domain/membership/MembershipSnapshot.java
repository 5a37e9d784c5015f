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
 * creation rules.
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
}
