package io.wxcard.adapter.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.MembershipSnapshot;
import java.time.Instant;
import java.util.Map;

/** What the API shows of memberships and their ledgers, and what it takes to change them. */
final class MembershipResources {

    private MembershipResources() {}

    @Doc("One member's card: a code held by one openid, with points and stored value.")
    record MembershipResource(
            String cardId,
            String code,
            String openid,
            @Doc("ISSUED, ACTIVATED, INVALIDATED or DELETED (by the member).") String state,
            @Doc("API, ONE_CLICK_FORM, AUTO or IMPORT, once activated.") String activationMethod,
            String membershipNumber,
            @Doc("Points (WeChat's bonus).") long points,
            @Doc("Stored value in fen (1/100 yuan).") long balance,
            @Doc("The member's answers to the activation form, by field name.") Map<String, String> formAnswers,
            @Doc("The channel tag the card was received through.") String outerStr,
            String invalidationReason,
            @Doc("Increases with every change.") long version,
            String receivedAt,
            String activatedAt,
            String updatedAt) {}

    @Doc("One line of a membership's append-only ledger, with the totals right after it.")
    record LedgerEntryResource(
            @Doc("1 for the first entry of a membership, then 2, 3, ...") long sequence,
            @Doc("POINTS or BALANCE.") String asset,
            @Doc("Points, or fen for BALANCE; negative when taken.") long delta,
            long pointsAfter,
            @Doc("In fen.") long balanceAfter,
            String reason,
            String idempotencyKey,
            @Doc("MERCHANT, WECHAT, IMPORT or ACTIVATION.") String source,
            @Doc("Whether WeChat notifies the member.") @JsonProperty("notify") boolean notifyMember,
            String recordedAt) {}

    @Doc("Activates a member's card (WeChat's card/membercard/activate); every field is optional.")
    record ActivateRequest(
            @Doc("Shown on the card; the code when absent.") String membershipNumber,
            @Doc("Opening points, not negative.") Long initBonus,
            @Doc("Opening stored value in fen, not negative.") Long initBalance) {}

    @Doc("Adds (positive delta) or takes (negative delta) points or stored value.")
    record LedgerChangeRequest(
            @Doc("Points, or fen for /balance; not 0.") @Required Long delta,
            @Doc("Shown to the member; 1 to 255 characters.") @Required String reason,
            @Doc("Whether WeChat notifies the member; true when absent.") @JsonProperty("notify") Boolean notifyMember) {}

    @Doc("Makes a member's card unusable, for good (WeChat's card/code/unavailable).")
    record InvalidateRequest(@Doc("1 to 255 characters.") @Required String reason) {}

    static MembershipResource membership(Membership membership) {
        MembershipSnapshot s = membership.snapshot();
        return new MembershipResource(s.cardId().value(), s.code().value(), s.openId().value(), s.state().name(),
                s.activationMethod().map(Enum::name).getOrNull(), s.membershipNumber().map(MembershipNumber::value).getOrNull(),
                s.totals().points().value(), s.totals().balance().value(), s.formAnswers(), s.outerStr().getOrNull(),
                s.invalidationReason().getOrNull(), s.version(), s.receivedAt().toString(),
                s.activatedAt().map(Instant::toString).getOrNull(), s.updatedAt().toString());
    }

    static LedgerEntryResource entry(LedgerEntry entry) {
        return new LedgerEntryResource(entry.sequence(), entry.asset().name(), entry.delta(), entry.pointsAfter().value(),
                entry.balanceAfter().value(), entry.reason(), entry.key().value(), entry.source().name(),
                entry.notifyMember(), entry.recordedAt().toString());
    }
}
