package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.vavr.control.Option;
import io.wxcard.adapter.rest.ActivationResources.ActivateSessionRequest;
import io.wxcard.adapter.rest.ActivationResources.OpenSessionRequest;
import io.wxcard.adapter.rest.ActivationResources.SessionResource;
import io.wxcard.application.port.in.ActivationPageUseCase;
import io.wxcard.application.port.in.ActivationPageUseCase.ActivateSessionCommand;
import io.wxcard.application.port.in.ActivationPageUseCase.ActivationPage;
import io.wxcard.application.port.in.ActivationPageUseCase.OpenSessionCommand;
import io.wxcard.domain.activation.ActivationSessionId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.ledger.WechatRange;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;

/**
 * The {@code /v1/activation-sessions} routes, for the merchant's activation page (issue 20): the page's server opens
 * a session with what WeChat put on the URL, shows it, and activates it.
 */
final class ActivationRoutes {

    private static final String TAG = "activation pages";
    private static final String BASE = "/v1/activation-sessions";

    private final ActivationPageUseCase pages;

    ActivationRoutes(ActivationPageUseCase pages) {
        this.pages = pages;
    }

    void register(Javalin app, ApiDocs docs) {
        app.post(BASE, this::open, Access.API_KEY);
        docs.operation(POST, BASE, "openActivationSession", "Open a session with what WeChat put on the activation "
                        + "page's URL", TAG, 404, 409, 413, 415, 422, 502, 503)
                .description("WeChat decrypts encrypt_code and gives the form's answers for activate_ticket; a "
                        + "tampered or stale parameter, a code of another card or openid, or another account's card "
                        + "is refused (422) and nothing is stored.")
                .requestBody(docs.body(OpenSessionRequest.class, true))
                .getResponses().addApiResponse("201", docs.answer(SessionResource.class));
        app.get(BASE + "/{session}", this::read, Access.API_KEY);
        docs.operation(GET, BASE + "/{session}", "getActivationSession", "Read an activation session", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(SessionResource.class));
        app.post(BASE + "/{session}/activate", this::activate, Access.API_KEY);
        docs.operation(POST, BASE + "/{session}/activate", "activateActivationSession",
                        "Activate the session's membership, once", TAG, 404, 409, 413, 415, 422, 502, 503)
                .description("A repeat answers the first activation (repeated: true, Idempotent-Replayed: true) and "
                        + "sends nothing to WeChat; an expired session, or one whose membership was invalidated "
                        + "since, is refused (409).")
                .requestBody(docs.body(ActivateSessionRequest.class, false))
                .getResponses().addApiResponse("200", docs.answer(SessionResource.class));
    }

    private void open(Context ctx) {
        OpenSessionRequest request = Params.body(ctx, OpenSessionRequest.class);
        Checks checks = new Checks();
        WechatCardId cardId = checks.parseRequired("card_id", request.cardId(), WechatCardId::new).getOrNull();
        OpenId openId = checks.parseRequired("openid", request.openid(), OpenId::new).getOrNull();
        String encryptCode = checks.required("encrypt_code", request.encryptCode());
        Option<MembershipNumber> number = checks.parse("membership_number", request.membershipNumber(),
                MembershipNumber::new);
        checks.answerIfAny("the activation page's parameters are not valid");
        var command = Checks.command(() -> new OpenSessionCommand(Access.tenant(ctx), cardId, encryptCode, openId,
                Option.of(request.activateTicket()), number));
        ctx.status(201).json(answer(Problems.orAnswer(pages.open(command))));
    }

    private void read(Context ctx) {
        ctx.status(200).json(answer(Problems.orAnswer(pages.session(Access.tenant(ctx), sessionId(ctx)))));
    }

    private void activate(Context ctx) {
        ActivationSessionId id = sessionId(ctx);
        ActivateSessionRequest request = Params.optionalBody(ctx, ActivateSessionRequest.class);
        Checks checks = new Checks();
        Option<MembershipNumber> number = checks.parse("membership_number", request.membershipNumber(),
                MembershipNumber::new);
        Option<Points> points = checks.parse("init_bonus", request.initBonus(),
                amount -> Points.of(WechatRange.requireTotal(amount, "init_bonus")));
        Option<Fen> balance = checks.parse("init_balance", request.initBalance(),
                amount -> Fen.of(WechatRange.requireTotal(amount, "init_balance")));
        checks.answerIfAny("the activation is not valid");
        var command = Checks.command(() -> new ActivateSessionCommand(Access.tenant(ctx), id, number, points,
                balance));
        ActivationPage page = Problems.orAnswer(pages.activate(command));
        if (page.repeated()) {
            ctx.header(MembershipRoutes.REPLAYED, "true");
        }
        ctx.status(200).json(answer(page));
    }

    private static SessionResource answer(ActivationPage page) {
        return ActivationResources.session(page);
    }

    /** A path value that cannot be a session id names no session: 404. */
    private static ActivationSessionId sessionId(Context ctx) {
        String raw = ctx.pathParam("session");
        try {
            return new ActivationSessionId(raw);
        } catch (IllegalArgumentException invalid) {
            throw ApiProblem.of(ProblemType.NOT_FOUND, "activation session " + Params.abbreviate(raw)
                    + " was not found: " + invalid.getMessage()).toAnswer();
        }
    }
}
