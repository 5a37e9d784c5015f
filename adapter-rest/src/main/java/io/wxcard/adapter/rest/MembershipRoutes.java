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
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

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

    void register(Javalin app, ApiDocs docs) {
        app.get(BASE, this::list, Access.API_KEY);
        Operation list = docs.operation(GET, BASE, "listMemberships", "List a card's memberships, oldest first", TAG, 404)
                .addParametersItem(ApiDocs.query("state", "Only memberships in this state.",
                        CardRoutes.names(MembershipState.values())));
        ApiDocs.pageQuery().forEach(list::addParametersItem);
        list.getResponses().addApiResponse("200", docs.page(MembershipResource.class));
        app.get(BASE + "/{code}", this::read, Access.API_KEY);
        docs.operation(GET, BASE + "/{code}", "getMembership", "Read a membership", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(MembershipResource.class));
        app.post(BASE + "/{code}/activate", this::activate, Access.API_KEY);
        docs.operation(POST, BASE + "/{code}/activate", "activateMembership",
                        "Activate a member's card (activate_url cards: the member filled the merchant's page)", TAG,
                        404, 409, 413, 415, 422, 502, 503)
                .requestBody(docs.body(ActivateRequest.class, false))
                .getResponses().addApiResponse("200", docs.answer(MembershipResource.class));
        ledgerRoute(app, docs, "points", "changePoints", "Add or take points", Asset.POINTS);
        ledgerRoute(app, docs, "balance", "changeBalance", "Add or take stored value (fen)", Asset.BALANCE);
        app.get(BASE + "/{code}/ledger", this::ledger, Access.API_KEY);
        Operation ledger = docs.operation(GET, BASE + "/{code}/ledger", "getLedger",
                "Read a membership's ledger, oldest first", TAG, 404);
        ApiDocs.pageQuery().forEach(ledger::addParametersItem);
        ledger.getResponses().addApiResponse("200", docs.page(LedgerEntryResource.class));
        app.post(BASE + "/{code}/invalidate", this::invalidate, Access.API_KEY);
        docs.operation(POST, BASE + "/{code}/invalidate", "invalidateMembership", "Make a member's card unusable, for good",
                        TAG, 404, 409, 413, 415, 422)
                .requestBody(docs.body(InvalidateRequest.class, true))
                .getResponses().addApiResponse("200", docs.answer(MembershipResource.class));
        app.post(BASE + "/{code}/pull", this::pull, Access.API_KEY);
        docs.operation(POST, BASE + "/{code}/pull", "pullMemberInfo",
                        "Read what WeChat knows of the member (form answers, membership number) and record it", TAG,
                        404, 409, 413, 415, 502, 503)
                .getResponses().addApiResponse("200", docs.answer(MembershipResource.class));
    }

    private void ledgerRoute(Javalin app, ApiDocs docs, String path, String operationId, String summary, Asset asset) {
        app.post(BASE + "/{code}/" + path, ctx -> changeLedger(ctx, asset), Access.API_KEY);
        docs.operation(POST, BASE + "/{code}/" + path, operationId, summary, TAG, 404, 409, 413, 415, 422)
                .description("Recorded at once; WeChat is brought in line afterwards. Needs an Idempotency-Key: a retry "
                        + "with the same key and body answers the first answer again (with Idempotent-Replayed: true) "
                        + "and changes nothing; the same key with another body is refused (422).")
                .addParametersItem(ApiDocs.header(IDEMPOTENCY_KEY,
                        "1 to " + IdempotencyKey.MAX_LENGTH
                                + " printable ASCII characters naming this one change; required."))
                .requestBody(docs.body(LedgerChangeRequest.class, true))
                .getResponses().addApiResponse("201", docs.answer(LedgerEntryResource.class).addHeaderObject(REPLAYED,
                        new Header().description("true when this answers a retry: the first answer again, nothing changed.")));
    }

    private void list(Context ctx) {
        var state = Params.enumQuery(ctx, "state", MembershipState.class);
        CardId cardId = Params.cardId(ctx);
        var page = Problems.orAnswer(useCases.findMemberships().memberships(Access.tenant(ctx), cardId, state, Params.page(ctx)));
        ctx.status(200).json(PageResource.of(page, MembershipResources::listed));
    }

    private void read(Context ctx) {
        ctx.status(200).json(MembershipResources.membership(Problems.orAnswer(useCases.findMemberships().membership(Params.membershipKey(ctx)))));
    }

    private void activate(Context ctx) {
        MembershipKey key = Params.membershipKey(ctx);
        ActivateRequest request = Params.optionalBody(ctx, ActivateRequest.class);
        Checks checks = new Checks();
        Option<MembershipNumber> number = checks.parse("membership_number", request.membershipNumber(), MembershipNumber::new);
        // Opening amounts are totals WeChat must hold: the domain's WechatRange decides, naming the field.
        Option<Points> points = checks.parse("init_bonus", request.initBonus(),
                amount -> Points.of(WechatRange.requireTotal(amount, "init_bonus")));
        Option<Fen> balance = checks.parse("init_balance", request.initBalance(),
                amount -> Fen.of(WechatRange.requireTotal(amount, "init_balance")));
        checks.answerIfAny("the activation is not valid");
        var command = Checks.command(() -> new ActivateMembershipCommand(key, number, points, balance));
        ctx.status(200).json(MembershipResources.membership(Problems.orAnswer(useCases.activateMembership().activate(command))));
    }

    /**
     * The key is checked first: a money-moving request without one is refused whatever its body, so that a client
     * never learns to send these without a key.
     */
    private void changeLedger(Context ctx, Asset asset) {
        MembershipKey key = Params.membershipKey(ctx);
        IdempotencyKey idempotencyKey = idempotencyKey(ctx);
        LedgerChangeRequest request = Params.body(ctx, LedgerChangeRequest.class);
        Checks checks = new Checks();
        Long delta = checks.required("delta", request.delta());
        checks.parseRequired("reason", request.reason(), Reason::new);
        boolean notify = !Boolean.FALSE.equals(request.notifyMember());
        // With the reason a Reason, what the change itself still refuses (0, beyond WeChat's range) is the delta's.
        LedgerChange change = checks.build("delta", () -> asset == Asset.POINTS
                ? LedgerChange.points(Points.of(delta), request.reason(), idempotencyKey, EntrySource.MERCHANT, notify)
                : LedgerChange.balance(Fen.of(delta), request.reason(), idempotencyKey, EntrySource.MERCHANT, notify));
        checks.answerIfAny(RejectionCode.LEDGER_CHANGE_INVALID, "the change is not valid");
        LedgerResult result = Problems.orAnswer(useCases.changeLedger().change(new ChangeLedgerCommand(key, change)));
        if (result.replayed()) {
            ctx.header(REPLAYED, "true");
        }
        ctx.status(201).json(MembershipResources.entry(result.entry()));
    }

    static IdempotencyKey idempotencyKey(Context ctx) {
        String raw = ctx.header(IDEMPOTENCY_KEY);
        if (raw == null) {
            throw ApiProblem.of(ProblemType.IDEMPOTENCY_KEY_REQUIRED, "points and stored value change only under an "
                    + IDEMPOTENCY_KEY + " header naming this one change (for example a UUID), so that a retry cannot "
                    + "apply it twice").toAnswer();
        }
        try {
            return new IdempotencyKey(raw);
        } catch (IllegalArgumentException refused) {
            throw Params.invalidParameter(IDEMPOTENCY_KEY, refused.getMessage());
        }
    }

    private void ledger(Context ctx) {
        MembershipKey key = Params.membershipKey(ctx);
        var page = Problems.orAnswer(useCases.findMemberships().ledger(key, Params.page(ctx)));
        ctx.status(200).json(PageResource.of(page, MembershipResources::entry));
    }

    private void invalidate(Context ctx) {
        MembershipKey key = Params.membershipKey(ctx);
        InvalidateRequest request = Params.body(ctx, InvalidateRequest.class);
        Checks checks = new Checks();
        checks.parseRequired("reason", request.reason(), Reason::new);
        checks.answerIfAny("the invalidation is not valid");
        var command = Checks.command(() -> new InvalidateMembershipCommand(key, request.reason()));
        ctx.status(200).json(MembershipResources.membership(Problems.orAnswer(useCases.invalidateMembership().invalidate(command))));
    }

    private void pull(Context ctx) {
        MembershipKey key = Params.membershipKey(ctx);
        Params.noBody(ctx);
        ctx.status(200).json(MembershipResources.membership(Problems.orAnswer(useCases.pullMemberInfo().pull(key))));
    }
}
