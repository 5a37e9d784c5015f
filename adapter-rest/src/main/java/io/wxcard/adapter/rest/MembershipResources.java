package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.WechatRange;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.MembershipSnapshot;
import io.wxcard.domain.shared.Reason;
import java.time.Instant;
import java.util.Map;

/** What the API shows of memberships and their ledgers, and what it takes to change them. */
final class MembershipResources {

    private MembershipResources() {}

    @Schema(description = "One member's card: a code held by one openid, with points and stored value.")
    record MembershipResource(
            String cardId,
            String code,
            String openid,
            @Schema(description = "ISSUED, ACTIVATED, INVALIDATED or DELETED (by the member).") String state,
            @Schema(description = "API, ONE_CLICK_FORM, AUTO or IMPORT, once activated.") String activationMethod,
            String membershipNumber,
            @Schema(description = "Points (WeChat's bonus).") long points,
            @Schema(description = "Stored value in fen (1/100 yuan).") long balance,
            @Schema(description = "The member's answers to the activation form, by field name.") Map<String, String> formAnswers,
            @Schema(description = "The channel tag the card was received through.") String outerStr,
            String invalidationReason,
            @Schema(description = "Increases with every change.") long version,
            String receivedAt,
            String activatedAt,
            String updatedAt) {}

    @Schema(description = "One line of a membership's append-only ledger, with the totals right after it.")
    record LedgerEntryResource(
            @Schema(description = "1 for the first entry of a membership, then 2, 3, ...") long sequence,
            @Schema(description = "POINTS or BALANCE.") String asset,
            @Schema(description = "Points, or fen for BALANCE; negative when taken.") long delta,
            long pointsAfter,
            @Schema(description = "In fen.") long balanceAfter,
            String reason,
            String idempotencyKey,
            @Schema(description = "MERCHANT, WECHAT, IMPORT or ACTIVATION.") String source,
            @Schema(description = "Whether WeChat notifies the member.") @JsonProperty("notify") boolean notifyMember,
            String recordedAt) {}

    @Schema(description = "Activates a member's card (WeChat's card/membercard/activate); every field is optional.")
    record ActivateRequest(
            @Schema(description = "Shown on the card; the code when absent.") String membershipNumber,
            @Schema(description = "Opening points, 0 to " + WechatRange.MAX + ".") Long initBonus,
            @Schema(description = "Opening stored value in fen, 0 to " + WechatRange.MAX + ".") Long initBalance) {}

    @Schema(description = "Adds (positive delta) or takes (negative delta) points or stored value.")
    record LedgerChangeRequest(
            @Schema(description = "Points, or fen for /balance; not 0, at most " + WechatRange.MAX + " either way.", requiredMode = REQUIRED) Long delta,
            @Schema(description = "Shown to the member; 1 to " + Reason.MAX_LENGTH + " characters.", requiredMode = REQUIRED) String reason,
            @Schema(description = "Whether WeChat notifies the member; true when absent.") @JsonProperty("notify") Boolean notifyMember) {}

    @Schema(description = "Makes a member's card unusable, for good (WeChat's card/code/unavailable).")
    record InvalidateRequest(@Schema(description = "1 to " + Reason.MAX_LENGTH + " characters.", requiredMode = REQUIRED) String reason) {}

    /**
     * A membership in a list: its form answers with the mobile masked ({@code 138****5678}), as personal data is in
     * lists; reading the one membership shows it whole.
     */
    static MembershipResource listed(Membership membership) {
        MembershipResource whole = membership(membership);
        Map<String, String> answers = new java.util.TreeMap<>(whole.formAnswers());
        answers.computeIfPresent(MemberProfile.MOBILE_FIELD, (field, mobile) -> Phone.parse(mobile)
                .map(Phone::masked).getOrElse("***"));
        return new MembershipResource(whole.cardId(), whole.code(), whole.openid(), whole.state(),
                whole.activationMethod(), whole.membershipNumber(), whole.points(), whole.balance(), answers,
                whole.outerStr(), whole.invalidationReason(), whole.version(), whole.receivedAt(), whole.activatedAt(),
                whole.updatedAt());
    }

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
