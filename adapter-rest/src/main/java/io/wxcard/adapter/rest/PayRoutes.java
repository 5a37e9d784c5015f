package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.PUT;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.swagger.v3.oas.annotations.media.Schema;
import io.wxcard.adapter.rest.CardResources.CardResource;
import io.vavr.control.Option;
import io.wxcard.application.port.in.AcceptWechatPayNotificationUseCase.WechatPayNotification;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ImportMemberByPhoneUseCase.ImportByPhoneCommand;
import io.wxcard.application.port.in.ReadWechatPayMembershipQuery.WechatPayMembership;
import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase.UpgradeCardCommand;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.tenant.TenantId;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.shared.Problem;
import java.util.List;

/**
 * The routes of WeChat Pay's member functions (membercard-open): the card's upgrade for them, the import by phone, the
 * notification URL, and {@code /wechatpay/{tenant}/notifications}, where WeChat Pay's MEMBERCARD notifications arrive.
 */
final class PayRoutes {

    private static final String TAG = "wechat-pay";
    private static final String MEMBERSHIP = "/v1/cards/{id}/memberships/{code}/wechat-pay";

    @Schema(description = "WeChat Pay's upgrade body without appid (the tenant's own account is sent).")
    record UpgradeRequest(@Schema(description = "The WeChat Pay brand the card joins (brand_id, at most 16 "
            + "characters).", requiredMode = REQUIRED) String brandId) {}

    @Schema(description = "A member to import by phone.")
    record PhoneImportRequest(@Schema(description = "A mainland mobile number.", requiredMode = REQUIRED) String phone,
                              @Schema(description = "The merchant's own code for the member (custom-code cards).")
                              String code) {}

    @Schema(description = "The code WeChat Pay reserved for the phone; the membership appears when the member takes "
            + "the card (MEMBERCARD notification).")
    record PhoneImportResource(String code) {}

    @Schema(description = "Where WeChat Pay is to send the tenant's MEMBERCARD notifications: the public address of "
            + "/wechatpay/{tenant}/notifications.")
    record CallbackRequest(@Schema(requiredMode = REQUIRED) String url) {}

    @Schema(description = "What WeChat Pay holds for the membership (membercard-open codes/{code}), beside our ledger. "
            + "The member's form answers are not repeated here (personal data: see the membership's profile).")
    record WechatPayMembershipResource(String cardId, String code, String wechatCardId,
            @Schema(description = "The openid WeChat Pay names (absent for a phone member not in the wallet yet).")
            String openid,
            @Schema(description = "WeChat Pay's user_card_status: NOT_ACTIVATE, EFFECTIVE, EXPIRE, UNAVAILABLE, DELETE.")
            String status, String membershipNumber, String level,
            @Schema(description = "The points WeChat Pay shows the member (bonus_value).") long points,
            @Schema(description = "The stored value WeChat Pay shows the member, in fen.") long balance,
            @Schema(description = "Our ledger's points.") long ledgerPoints,
            @Schema(description = "Our ledger's stored value, in fen.") long ledgerBalance,
            boolean pointsMatch, boolean balanceMatch,
            @Schema(description = "Whether WeChat Pay shows both totals as our ledger has them; a difference is "
                    + "normal for a moment after a change (the outbox syncs it).") boolean matchesLedger) {

        static WechatPayMembershipResource of(WechatPayMembership read) {
            var held = read.held();
            var totals = read.membership().totals();
            return new WechatPayMembershipResource(read.membership().cardId().value(),
                    read.membership().code().value(), held.cardId().value(),
                    held.openId().map(OpenId::value).getOrNull(), held.status(), held.membershipNumber().getOrNull(),
                    held.level().getOrNull(), held.bonus().value(), held.balance().value(), totals.points().value(),
                    totals.balance().value(), read.pointsMatch(), read.balanceMatch(), read.matchesLedger());
        }
    }

    static final String NOTIFICATIONS = "/wechatpay/{tenant}/notifications";

    private final RestPayUseCases useCases;

    PayRoutes(RestPayUseCases useCases) {
        this.useCases = useCases;
    }

    void register(Javalin app, ApiDocs docs) {
        app.get(MEMBERSHIP, this::membership, Access.API_KEY);
        docs.operation(GET, MEMBERSHIP, "getWechatPayMembership",
                        "Read what WeChat Pay holds for a membership of an upgraded card, beside the ledger", TAG,
                        404, 409, 502, 503)
                .description("Asks WeChat Pay (membercard-open GET cards/{card_id}/codes/{code}) for the member's "
                        + "state, points and stored value as WeChat Pay shows them, and says whether they equal our "
                        + "ledger. Nothing changes. A card not upgraded for WeChat Pay is 409 "
                        + "card-not-upgraded-for-wechat-pay (no call made); WeChat Pay not answering is 503.")
                .getResponses().addApiResponse("200", docs.answer(WechatPayMembershipResource.class));
        app.post("/v1/cards/{id}/wechat-pay-upgrade", this::upgrade, Access.API_KEY);
        docs.operation(POST, "/v1/cards/{id}/wechat-pay-upgrade", "upgradeCardForWechatPay",
                        "Upgrade a card for WeChat Pay's member functions", TAG, 404, 409, 413, 415, 422, 502, 503)
                .description("WeChat Pay refuses its member functions (import of existing members, codes, activation "
                        + "through WeChat Pay) on a card not upgraded (400 INVALID_REQUEST 请先升级会员卡才能使用此功能). "
                        + "The upgrade binds the card to a WeChat Pay brand; WeChat Pay never undoes it, members' "
                        + "wallets show the card in its new style at once, and the old Official Account interfaces "
                        + "stop updating it. The same brand again answers the card as it is; another brand is 409 "
                        + "card-upgraded-under-another-brand. The answer's wechat_pay_upgrade tells the brand and time.")
                .requestBody(docs.body(UpgradeRequest.class, true))
                .getResponses().addApiResponse("200", docs.answer(CardResource.class));
        app.post("/v1/cards/{id}/phone-imports", this::importByPhone, Access.API_KEY);
        docs.operation(POST, "/v1/cards/{id}/phone-imports", "importMemberByPhone",
                        "Import an existing member by phone through WeChat Pay", TAG, 404, 409, 413, 415, 422, 502, 503)
                .description("The phone is encrypted with WeChat Pay's platform key and sent to membercard-open's "
                        + "phone-membercard/import; WeChat Pay answers the code it reserved. The same phone again "
                        + "answers the same code. The membership appears when the member takes the card in WeChat "
                        + "(WeChat Pay's MEMBERCARD notification). The card must be upgraded for WeChat Pay (409 "
                        + "card-not-upgraded-for-wechat-pay otherwise).")
                .requestBody(docs.body(PhoneImportRequest.class, true))
                .getResponses().addApiResponse("201", docs.answer(PhoneImportResource.class));
        app.put("/v1/wechat-pay/callback", this::registerCallback, Access.API_KEY);
        docs.operation(PUT, "/v1/wechat-pay/callback", "registerWechatPayCallback",
                        "Tell WeChat Pay where to send the tenant's member-card notifications", TAG, 409, 413, 415,
                        422, 502, 503)
                .requestBody(docs.body(CallbackRequest.class, true))
                .getResponses().addApiResponse("204", new io.swagger.v3.oas.models.responses.ApiResponse()
                        .description("Registered"));
    }

    /** {@code /wechatpay/{tenant}/notifications}: public, beside WeChat's own push route (not under /v1). */
    void registerNotifications(Javalin app, ApiDocs docs) {
        app.post(NOTIFICATIONS, this::notification, Access.PUBLIC);
        docs.operation(POST, NOTIFICATIONS, "receiveWechatPayNotification", "WeChat Pay's MEMBERCARD notifications",
                        TAG)
                .description("Verified against the tenant's configured platform serial and key, decrypted with its "
                        + "APIv3 key, handled once per notification id. 200 {code: SUCCESS} when handled (or already "
                        + "handled); 401 {code: FAIL} when it does not verify; 404 for an unknown tenant; 503 when it "
                        + "could not be handled now, so that WeChat Pay sends it again.");
    }

    private void membership(Context ctx) {
        ctx.json(WechatPayMembershipResource.of(Problems.orAnswer(useCases.readMembership()
                .wechatPay(Params.membershipKey(ctx)))));
    }

    private void importByPhone(Context ctx) {
        CardId cardId = Params.cardId(ctx);
        PhoneImportRequest request = Params.body(ctx, PhoneImportRequest.class);
        if (request.phone() == null || request.phone().isBlank()) {
            throw ApiProblem.of(ProblemType.INVALID_INPUT, "name the member's phone",
                    List.of(new Problem("phone", "is required"))).toAnswer();
        }
        Phone phone = Phone.parse(request.phone()).getOrElseThrow(rejection -> ApiProblem.of(
                ProblemType.INVALID_INPUT, rejection.reason(), List.of(new Problem("phone", rejection.reason())))
                .toAnswer());
        Option<Code> code = Option.of(request.code()).map(value -> Checks.command(() -> new Code(value)));
        var command = Checks.command(() -> new ImportByPhoneCommand(Access.tenant(ctx), cardId, phone, code));
        Code reserved = Problems.orAnswer(useCases.importByPhone().importByPhone(command));
        ctx.status(201).json(new PhoneImportResource(reserved.value()));
    }

    private void registerCallback(Context ctx) {
        CallbackRequest request = Params.body(ctx, CallbackRequest.class);
        URI url;
        try {
            url = URI.create(request.url() == null ? "" : request.url());
        } catch (IllegalArgumentException e) {
            url = null;
        }
        if (url == null || url.getHost() == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw ApiProblem.of(ProblemType.INVALID_INPUT, "url must be an absolute http(s) URL",
                    List.of(new Problem("url", "must be an absolute http(s) URL"))).toAnswer();
        }
        Problems.orAnswer(useCases.notifications().registerCallback(Access.tenant(ctx), url));
        ctx.status(204);
    }

    private void notification(Context ctx) {
        TenantId tenant;
        try {
            tenant = new TenantId(ctx.pathParam("tenant"));
        } catch (IllegalArgumentException e) {
            answer(ctx, 404, "FAIL", "unknown tenant");
            return;
        }
        var outcome = useCases.notifications().accept(new WechatPayNotification(tenant, ctx.headerMap().entrySet()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue()))),
                ctx.bodyAsBytes()));
        if (outcome.isRight()) {
            answer(ctx, 200, "SUCCESS", "OK");
        } else if (outcome.getLeft() instanceof Failure.NotFound) {
            answer(ctx, 404, "FAIL", "unknown tenant");
        } else if (outcome.getLeft() instanceof Failure.WechatFailed failed
                && failed.error().kind() == WechatError.Kind.UNTRUSTED_ANSWER) {
            answer(ctx, 401, "FAIL", "the notification does not verify");
        } else {
            answer(ctx, 503, "FAIL", "not handled now; send it again");
        }
    }

    /** WeChat Pay's answer form: {@code {code, message}}; only 2xx counts as received. */
    private static void answer(Context ctx, int status, String code, String message) {
        ctx.status(status).json(Map.of("code", code, "message", message));
    }

    private void upgrade(Context ctx) {
        CardId cardId = Params.cardId(ctx);
        UpgradeRequest request = Params.body(ctx, UpgradeRequest.class);
        if (request.brandId() == null || request.brandId().isBlank()) {
            throw ApiProblem.of(ProblemType.INVALID_INPUT, "name the WeChat Pay brand the card joins",
                    List.of(new Problem("brand_id", "is required"))).toAnswer();
        }
        BrandId brand = Checks.command(() -> new BrandId(request.brandId()));
        var command = new UpgradeCardCommand(Access.tenant(ctx), cardId, brand);
        ctx.status(200).json(CardResources.of(Problems.orAnswer(useCases.upgradeCard().upgrade(command))));
    }
}
