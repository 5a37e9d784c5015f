package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.rejected;
import static io.wxcard.domain.shared.RejectionCode.ACTIVATION_PARAMETERS_INVALID;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ActivateMembershipUseCase;
import io.wxcard.application.port.in.ActivateMembershipUseCase.ActivateMembershipCommand;
import io.wxcard.application.port.in.ActivationPageUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.FindMembersQuery;
import io.wxcard.application.port.in.FindMembersQuery.FoundMember;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.ActivationSessionStore;
import io.wxcard.application.port.out.store.MemberLookup;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.activation.ActivationSession;
import io.wxcard.domain.activation.ActivationSessionId;
import io.wxcard.domain.activation.SessionActivation;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The activation page's sessions. Everything on the URL is the member's browser talking, so nothing is believed
 * until WeChat vouches for it: the code comes from {@code card/code/decrypt} with the tenant's own account (so
 * another account's encrypt_code is refused by WeChat), it must be a code of the card named and held by the openid
 * named, and the answers come from {@code activatetempinfo/get} for the ticket. For a card upgraded for WeChat Pay,
 * WeChat Pay's {@code decrypt-code} and {@code activate-informations} vouch instead ({@link ActivationPageWechat}),
 * and the activation goes through WeChat Pay's {@code codes/{code}/activate} ({@code MembershipService}).
 */
final class ActivationPageService implements ActivationPageUseCase {

    private final ActivationSessionStore sessions;
    private final Lookups lookups;
    private final ActivationPageWechat wechat;
    private final ActivateMembershipUseCase activations;
    private final FindMembersQuery members;
    private final Clock clock;
    private final IdGenerator ids;

    ActivationPageService(ActivationSessionStore sessions, Lookups lookups, ActivationPageWechat wechat,
                          ActivateMembershipUseCase activations, FindMembersQuery members, Clock clock,
                          IdGenerator ids) {
        this.sessions = sessions;
        this.lookups = lookups;
        this.wechat = wechat;
        this.activations = activations;
        this.members = members;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Either<Failure, ActivationPage> open(OpenSessionCommand command) {
        TenantId tenantId = command.tenantId();
        return lookups.cardOnWechat(tenantId, command.cardId())
                .mapLeft(missing -> invalid("card_id " + command.cardId() + " is not a card of this account"))
                .flatMap(card -> lookups.tenant(tenantId).flatMap(tenant -> activatableBy(card))
                        .flatMap(ok -> decrypted(tenantId, card, command.encryptCode()))
                        .flatMap(code -> membershipOf(card, code, command))
                        .flatMap(membership -> answers(tenantId, card, command.activateTicket())
                                .flatMap(answers -> opened(command, membership, answers))));
    }

    @Override
    public Either<Failure, ActivationPage> session(TenantId tenantId, ActivationSessionId id) {
        return find(tenantId, id).flatMap(session -> lookups.membership(session.membership())
                .flatMap(membership -> page(session, membership, Option.none(), session.activated())));
    }

    @Override
    public Either<Failure, ActivationPage> activate(ActivateSessionCommand command) {
        return find(command.tenantId(), command.sessionId()).flatMap(session -> session.activated()
                ? repeated(session)
                : rejected(session.checkActivatable(clock.now())).flatMap(open -> activations.activate(
                                new ActivateMembershipCommand(session.membership(), command.membershipNumber(),
                                        command.openingPoints(), command.openingBalance()))
                        .map(activated -> new SessionActivation(activated.membershipNumber()
                                .getOrElse(() -> new MembershipNumber(activated.code().value())),
                                command.openingPoints(), command.openingBalance(), clock.now()))
                        .flatMap(done -> recorded(session.activatedWith(done)))
                        // Another request on the same session may have activated it meanwhile: answer that one.
                        .fold(failure -> afterRefusal(command, failure), Either::right)));
    }

    private Either<Failure, ActivationPage> afterRefusal(ActivateSessionCommand command, Failure failure) {
        return find(command.tenantId(), command.sessionId())
                .flatMap(fresh -> fresh.activated() ? repeated(fresh) : Either.left(failure));
    }

    private Either<Failure, ActivationPage> recorded(ActivationSession activated) {
        if (!sessions.recordActivation(activated)) {
            return Either.left(new Failure.Conflict("activation session " + activated.id() + " was activated by "
                    + "another request at the same time"));
        }
        return lookups.membership(activated.membership())
                .flatMap(membership -> page(activated, membership, Option.none(), false));
    }

    private Either<Failure, ActivationPage> repeated(ActivationSession session) {
        return lookups.membership(session.membership()).flatMap(membership ->
                rejected(session.repeatedActivation(membership.state()))
                        .flatMap(first -> page(session, membership, Option.none(), true)));
    }

    private Either<Failure, ActivationSession> find(TenantId tenantId, ActivationSessionId id) {
        return lookups.tenant(tenantId).flatMap(tenant -> sessions.find(tenantId, id)
                .toEither(() -> new Failure.NotFound("activation session " + id)));
    }

    /** A card that activates itself has no activation page; every other mode may hand the member to one. */
    private static Either<Failure, Card> activatableBy(Card card) {
        if (card.definition().activationMode() == ActivationMode.AUTO) {
            return Either.left(invalid("card " + card.id() + " activates itself (auto_activate): it has no "
                    + "activation page"));
        }
        return Either.right(card);
    }

    private Either<Failure, Code> decrypted(TenantId tenantId, Card card, String encryptCode) {
        return wechat.decryptCode(tenantId, card, encryptCode).fold(error -> refusedByWechat(error, "encrypt_code",
                "WeChat does not know it for this account's cards: tampered, truncated, re-encoded, or another "
                        + "account's"), Either::right);
    }

    private Either<Failure, Membership> membershipOf(Card card, Code code, OpenSessionCommand command) {
        MembershipKey key = new MembershipKey(command.tenantId(), card.id(), code);
        return lookups.membership(key)
                .mapLeft(missing -> invalid("encrypt_code is not a code of card_id " + command.cardId()
                        + " as far as this service knows (a code of another card, or WeChat's user_get_card for it "
                        + "has not arrived yet)"))
                .flatMap(membership -> membership.openId().equals(command.openId())
                        ? Either.right(membership)
                        : Either.left(invalid("openid " + command.openId() + " does not hold the code encrypt_code "
                                + "names")))
                // An activated membership may still have its page shown (its session answers the activation).
                .flatMap(membership -> membership.state() == MembershipState.ACTIVATED
                        ? Either.right(membership) : rejected(membership.checkActivatable()));
    }

    private Either<Failure, Map<String, String>> answers(TenantId tenantId, Card card, Option<String> ticket) {
        if (ticket.isEmpty()) {
            return Either.right(Map.of());
        }
        return wechat.formAnswers(tenantId, card, ticket.get()).fold(error -> refusedByWechat(error,
                "activate_ticket", "WeChat does not know it: expired, already used up, tampered or another "
                        + "account's; send the member back to the card to submit the form again"), Either::right);
    }

    private Either<Failure, ActivationPage> opened(OpenSessionCommand command, Membership membership,
                                                   Map<String, String> formAnswers) {
        Map<String, String> answers = new LinkedHashMap<>(membership.formAnswers());
        answers.putAll(formAnswers);
        ActivationSession session = ActivationSession.open(new ActivationSessionId(ids.newId("act")),
                membership.key(), membership.openId(), command.activateTicket(), answers, clock.now());
        sessions.add(session);
        return page(session, membership, command.membershipNumber(), false);
    }

    /** The page, with the tenant's other memberships of the person: by the form's phone and the number typed. */
    private Either<Failure, ActivationPage> page(ActivationSession session, Membership membership,
                                                 Option<MembershipNumber> typedNumber, boolean repeated) {
        List<MemberLookup> lookupsToRun = new ArrayList<>();
        Option.of(session.formAnswers().get(MemberProfile.MOBILE_FIELD))
                .flatMap(raw -> Phone.parse(raw).toOption())
                .forEach(phone -> lookupsToRun.add(new MemberLookup.ByPhone(phone)));
        typedNumber.forEach(number -> lookupsToRun.add(new MemberLookup.ByMembershipNumber(number)));
        List<FoundMember> known = new ArrayList<>();
        for (MemberLookup lookup : lookupsToRun) {
            Either<Failure, List<FoundMember>> found = members.find(session.tenantId(), lookup);
            if (found.isLeft()) {
                return Either.left(found.getLeft());
            }
            found.get().stream()
                    .filter(other -> !other.membership().key().equals(membership.key()))
                    .filter(other -> known.stream().noneMatch(k -> k.membership().key().equals(other.membership().key())))
                    .forEach(known::add);
        }
        return Either.right(new ActivationPage(session, session.state(clock.now()), membership, known, repeated));
    }

    /** WeChat refusing a parameter is the caller's problem, named; WeChat failing otherwise stays WeChat's. */
    private static <T> Either<Failure, T> refusedByWechat(Failure failure, String parameter, String why) {
        if (failure instanceof Failure.WechatFailed failed) {
            WechatError error = failed.error();
            return switch (error.kind()) {
                case NOT_FOUND, CLIENT_ERROR -> Either.left(invalid(parameter + " was refused by WeChat ("
                        + error.code() + " " + error.message() + "): " + why));
                default -> Either.left(failure);
            };
        }
        return Either.left(failure);
    }

    private static Failure invalid(String reason) {
        return new Failure.Rejected(Rejection.of(ACTIVATION_PARAMETERS_INVALID, reason));
    }
}
