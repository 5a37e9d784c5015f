package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxcard.adapter.rest.MemberResources.FoundMemberResource;
import io.wxcard.adapter.rest.MembershipResources.MembershipResource;
import io.wxcard.application.port.in.ActivationPageUseCase.ActivationPage;
import io.wxcard.domain.activation.ActivationSession;
import io.wxcard.domain.activation.SessionActivation;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.ledger.WechatRange;
import java.util.List;
import java.util.Map;

/** What the API shows of the activation page's sessions, and what it takes to open and activate one. */
final class ActivationResources {

    private ActivationResources() {}

    @Schema(description = "What WeChat appended to the activation page's URL, passed on as received: encrypt_code "
            + "not decoded or re-encoded.")
    record OpenSessionRequest(
            @Schema(description = "WeChat's card_id.", requiredMode = REQUIRED) String cardId,
            @Schema(description = "As on the URL.", requiredMode = REQUIRED) String encryptCode,
            @Schema(requiredMode = REQUIRED) String openid,
            @Schema(description = "Present after WeChat's one-click form (wx_activate_after_submit).")
            String activateTicket,
            @Schema(description = "Accepted as WeChat sends it; the channel is already recorded from the card's "
                    + "receipt.") String outerStr,
            @Schema(description = "A number the member typed on the page for a card they already hold: looked up "
                    + "with the form's phone.") String membershipNumber) {}

    @Schema(description = "Activates the session's membership (WeChat's card/membercard/activate); a repeat answers "
            + "the first activation.")
    record ActivateSessionRequest(
            @Schema(description = "The merchant's number, shown on the card; the code when absent.")
            String membershipNumber,
            @Schema(description = "Opening points, 0 to " + WechatRange.MAX + ".") Long initBonus,
            @Schema(description = "Opening stored value in fen, 0 to " + WechatRange.MAX + ".") Long initBalance) {}

    @Schema(description = "What the session activated with.")
    record ActivationResource(String membershipNumber, Long initBonus,
                              @Schema(description = "In fen.") Long initBalance, String activatedAt) {}

    @Schema(description = "One visit to the activation page: the member's code (decrypted by WeChat), membership, "
            + "form answers, and the tenant's other memberships of the same person.")
    record SessionResource(
            String id,
            @Schema(description = "OPEN, EXPIRED or ACTIVATED.") String state,
            String code,
            String openid,
            @Schema(description = "WeChat's common fields by id (USER_FORM_INFO_FLAG_...) and custom fields by name: "
                    + "personal data, to pre-fill the page.") Map<String, String> formAnswers,
            String openedAt,
            String expiresAt,
            MembershipResource membership,
            @Schema(description = "Other memberships of the tenant with the form's phone or the number typed: the "
                    + "member is already known when this is not empty.") List<FoundMemberResource> knownMembers,
            ActivationResource activation,
            @Schema(description = "True when this answers a repeated activation: nothing was done again.")
            boolean repeated) {}

    static SessionResource session(ActivationPage page) {
        ActivationSession s = page.session();
        return new SessionResource(s.id().value(), page.state().name(), s.membership().code().value(), s.openId().value(),
                s.formAnswers(), s.openedAt().toString(), s.expiresAt().toString(),
                MembershipResources.membership(page.membership()),
                page.knownAs().stream().map(MemberResources::found).toList(),
                s.activation().map(ActivationResources::activation).getOrNull(), page.repeated());
    }

    private static ActivationResource activation(SessionActivation a) {
        return new ActivationResource(a.membershipNumber().value(), a.openingPoints().map(Points::value).getOrNull(),
                a.openingBalance().map(Fen::value).getOrNull(), a.activatedAt().toString());
    }
}
