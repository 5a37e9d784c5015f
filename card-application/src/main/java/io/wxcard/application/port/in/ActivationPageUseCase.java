package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.FindMembersQuery.FoundMember;
import io.wxcard.domain.activation.ActivationSession;
import io.wxcard.domain.activation.ActivationSessionId;
import io.wxcard.domain.activation.SessionState;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * The merchant's activation page (jump activation: {@code activate_url}, or one-click activation handing over with
 * {@code wx_activate_after_submit_url}): what WeChat put on the URL becomes a session showing the member's code,
 * membership and form answers and whether the merchant already knows them; the page then activates it once.
 */
public interface ActivationPageUseCase {

    /** Checks WeChat's parameters with WeChat (decrypt, form answers) and opens a session; nothing else changes. */
    Either<Failure, ActivationPage> open(OpenSessionCommand command);

    Either<Failure, ActivationPage> session(TenantId tenantId, ActivationSessionId id);

    /** Activates the session's membership; a second call answers the first activation. */
    Either<Failure, ActivationPage> activate(ActivateSessionCommand command);

    /**
     * What WeChat appended to the page's URL, as received (the {@code encrypt_code} not re-encoded).
     *
     * @param membershipNumber a number the member typed on the page for a card they already hold, to look them up
     */
    record OpenSessionCommand(TenantId tenantId, WechatCardId cardId, String encryptCode, OpenId openId,
                              Option<String> activateTicket, Option<MembershipNumber> membershipNumber) {
        public OpenSessionCommand {
            Objects.requireNonNull(tenantId, "tenant");
            Objects.requireNonNull(cardId, "card_id");
            Objects.requireNonNull(openId, "openid");
            if (encryptCode == null || encryptCode.isBlank() || encryptCode.length() > 512) {
                throw new IllegalArgumentException("encrypt_code must be given, as WeChat put it on the URL "
                        + "(at most 512 characters)");
            }
            activateTicket = activateTicket == null ? Option.none() : activateTicket;
            activateTicket.forEach(ticket -> {
                if (ticket.isBlank() || ticket.length() > 512) {
                    throw new IllegalArgumentException("activate_ticket, when given, has 1 to 512 characters");
                }
            });
            membershipNumber = membershipNumber == null ? Option.none() : membershipNumber;
        }
    }

    /** @param membershipNumber the merchant's number for the member; the code when none is given */
    record ActivateSessionCommand(TenantId tenantId, ActivationSessionId sessionId,
                                  Option<MembershipNumber> membershipNumber, Option<Points> openingPoints,
                                  Option<Fen> openingBalance) {
        public ActivateSessionCommand {
            Objects.requireNonNull(tenantId, "tenant");
            Objects.requireNonNull(sessionId, "session");
            Objects.requireNonNull(membershipNumber, "membership number");
            Objects.requireNonNull(openingPoints, "opening points");
            Objects.requireNonNull(openingBalance, "opening balance");
            openingPoints.forEach(points -> {
                if (points.value() < 0) {
                    throw new IllegalArgumentException("opening points must not be negative");
                }
            });
            openingBalance.forEach(balance -> {
                if (balance.value() < 0) {
                    throw new IllegalArgumentException("opening balance must not be negative");
                }
            });
        }
    }

    /**
     * A session as the page shows it.
     *
     * @param state    the session's state when this was answered
     * @param knownAs  the tenant's other memberships of the same person (by the form's phone or the number typed)
     * @param repeated whether this answer repeats an earlier activation of the session
     */
    record ActivationPage(ActivationSession session, SessionState state, Membership membership,
                          List<FoundMember> knownAs, boolean repeated) {
        public ActivationPage {
            knownAs = List.copyOf(knownAs);
        }
    }
}
