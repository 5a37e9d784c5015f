package io.wxcard.adapter.rest;

import io.vavr.control.Option;
import io.wxcard.adapter.rest.MembershipResources.ActivateRequest;
import io.wxcard.adapter.rest.MembershipResources.InvalidateRequest;
import io.wxcard.adapter.rest.MembershipResources.LedgerChangeRequest;
import io.wxcard.adapter.rest.MembershipResources.LedgerEntryResource;
import io.wxcard.adapter.rest.MembershipResources.MembershipResource;
import io.wxcard.application.port.in.ActivateMembershipUseCase.ActivateMembershipCommand;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.InvalidateMembershipUseCase.InvalidateMembershipCommand;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.ledger.WechatRange;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.shared.Text;
import java.util.List;

/** The {@code /v1/cards/{id}/memberships} routes: members' cards, their activation, points, stored value. */
final class MembershipRoutes {

    private static final String TAG = "memberships";
    private static final String BASE = "/v1/cards/{id}/memberships";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final RestUseCases useCases;

    MembershipRoutes(RestUseCases useCases) {
        this.useCases = useCases;
    }

    List<Route> routes() {
        return List.of(
                Route.get(BASE).id("listMemberships", "List a card's memberships, oldest first").tag(TAG)
                        .query("state", "Only memberships in this state.", "string", CardRoutes.names(MembershipState.values()))
                        .answersPage(MembershipResource.class).errors(404)
                        .handle(this::list),
                Route.get(BASE + "/{code}").id("getMembership", "Read a membership").tag(TAG)
                        .answers(200, MembershipResource.class).errors(404)
                        .handle(this::read),
                Route.post(BASE + "/{code}/activate").id("activateMembership",
                                "Activate a member's card (activate_url cards: the member filled the merchant's page)")
                        .tag(TAG).mayTake(ActivateRequest.class).answers(200, MembershipResource.class)
                        .errors(404, 409, 422, 502, 503)
                        .handle(this::activate),
                ledgerRoute("points", "changePoints", "Add or take points", Asset.POINTS),
                ledgerRoute("balance", "changeBalance", "Add or take stored value (fen)", Asset.BALANCE),
                Route.get(BASE + "/{code}/ledger").id("getLedger", "Read a membership's ledger, oldest first").tag(TAG)
                        .answersPage(LedgerEntryResource.class).errors(404)
                        .handle(this::ledger),
                Route.post(BASE + "/{code}/invalidate").id("invalidateMembership",
                                "Make a member's card unusable, for good").tag(TAG)
                        .takes(InvalidateRequest.class).answers(200, MembershipResource.class).errors(404, 409, 422)
                        .handle(this::invalidate),
                Route.post(BASE + "/{code}/pull").id("pullMemberInfo",
                                "Read what WeChat knows of the member (form answers, membership number) and record it")
                        .tag(TAG).answers(200, MembershipResource.class).errors(404, 409, 502, 503)
                        .handle(this::pull));
    }

    private Route ledgerRoute(String path, String operationId, String summary, Asset asset) {
        return Route.post(BASE + "/{code}/" + path).id(operationId, summary).tag(TAG)
                .describe("Recorded at once; WeChat is brought in line afterwards. Needs an Idempotency-Key: a retry "
                        + "with the same key and body answers the first answer again (with Idempotent-Replayed: true) "
                        + "and changes nothing; the same key with another body is refused (422).")
                .header(IDEMPOTENCY_KEY, "1 to 128 printable ASCII characters naming this one change; required.", true)
                .takes(LedgerChangeRequest.class).answers(201, LedgerEntryResource.class).errors(404, 409, 422)
                .answerHeader(REPLAYED, "true when this answers a retry: the first answer again, nothing changed.")
                .handle(call -> changeLedger(call, asset));
    }

    private void list(Call call) {
        var state = call.enumQuery("state", MembershipState.class);
        CardId cardId = call.cardId();
        var page = Failures.orAnswer(useCases.findMemberships().memberships(call.tenant(), cardId, state, call.page()));
        call.answer(200, PageResource.of(page, MembershipResources::membership));
    }

    private void read(Call call) {
        call.answer(200, MembershipResources.membership(Failures.orAnswer(useCases.findMemberships().membership(call.membershipKey()))));
    }

    private void activate(Call call) {
        MembershipKey key = call.membershipKey();
        ActivateRequest request = call.optionalBody(ActivateRequest.class);
        Checks checks = new Checks();
        Option<MembershipNumber> number = checks.parse("membership_number", request.membershipNumber(), MembershipNumber::new);
        checkOpening("init_bonus", request.initBonus(), checks);
        checkOpening("init_balance", request.initBalance(), checks);
        checks.answerIfAny("the activation is not valid");
        var command = Checks.command(() -> new ActivateMembershipCommand(key, number,
                Option.of(request.initBonus()).map(Points::of), Option.of(request.initBalance()).map(Fen::of)));
        call.answer(200, MembershipResources.membership(Failures.orAnswer(useCases.activateMembership().activate(command))));
    }

    private static void checkOpening(String field, Long amount, Checks checks) {
        if (amount != null && !WechatRange.holdsTotal(amount)) {
            checks.add(field, "must be between 0 and " + WechatRange.MAX + " (WeChat's range), got " + amount);
        }
    }

    /**
     * The key is checked first: a money-moving request without one is refused whatever its body, so that a client
     * never learns to send these without a key.
     */
    private void changeLedger(Call call, Asset asset) {
        MembershipKey key = call.membershipKey();
        IdempotencyKey idempotencyKey = idempotencyKey(call);
        LedgerChangeRequest request = call.body(LedgerChangeRequest.class);
        Checks checks = new Checks();
        Long delta = checks.required("delta", request.delta());
        if (delta != null && delta == 0) {
            checks.add("delta", "a change of 0 changes nothing; give a positive or negative delta");
        }
        if (delta != null && !WechatRange.holdsDelta(delta)) {
            checks.add("delta", "must be between -" + WechatRange.MAX + " and " + WechatRange.MAX
                    + " (WeChat's range), got " + delta);
        }
        checks.parseRequired("reason", request.reason(),
                Reason::require);
        checks.answerIfAny(RejectionCode.LEDGER_CHANGE_INVALID, "the change is not valid");
        boolean notify = !Boolean.FALSE.equals(request.notifyMember());
        LedgerChange change = Checks.command(() -> asset == Asset.POINTS
                ? LedgerChange.points(Points.of(delta), request.reason(), idempotencyKey, EntrySource.MERCHANT, notify)
                : LedgerChange.balance(Fen.of(delta), request.reason(), idempotencyKey, EntrySource.MERCHANT, notify));
        LedgerResult result = Failures.orAnswer(useCases.changeLedger().change(new ChangeLedgerCommand(key, change)));
        if (result.replayed()) {
            call.ctx().header(REPLAYED, "true");
        }
        call.answer(201, MembershipResources.entry(result.entry()));
    }

    private static IdempotencyKey idempotencyKey(Call call) {
        String raw = call.header(IDEMPOTENCY_KEY);
        if (raw == null) {
            throw ApiProblem.of(ProblemType.IDEMPOTENCY_KEY_REQUIRED, "points and stored value change only under an "
                    + IDEMPOTENCY_KEY + " header naming this one change (for example a UUID), so that a retry cannot "
                    + "apply it twice").toAnswer();
        }
        try {
            return new IdempotencyKey(raw);
        } catch (IllegalArgumentException refused) {
            throw Call.invalidParameter(IDEMPOTENCY_KEY, refused.getMessage());
        }
    }

    private void ledger(Call call) {
        MembershipKey key = call.membershipKey();
        var page = Failures.orAnswer(useCases.findMemberships().ledger(key, call.page()));
        call.answer(200, PageResource.of(page, MembershipResources::entry));
    }

    private void invalidate(Call call) {
        MembershipKey key = call.membershipKey();
        InvalidateRequest request = call.body(InvalidateRequest.class);
        Checks checks = new Checks();
        checks.parseRequired("reason", request.reason(), Reason::require);
        checks.answerIfAny("the invalidation is not valid");
        var command = Checks.command(() -> new InvalidateMembershipCommand(key, request.reason()));
        call.answer(200, MembershipResources.membership(Failures.orAnswer(useCases.invalidateMembership().invalidate(command))));
    }

    private void pull(Call call) {
        MembershipKey key = call.membershipKey();
        call.noBody();
        call.answer(200, MembershipResources.membership(Failures.orAnswer(useCases.pullMemberInfo().pull(key))));
    }
}
