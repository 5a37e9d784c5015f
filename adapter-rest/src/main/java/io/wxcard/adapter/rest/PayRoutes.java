package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.swagger.v3.oas.annotations.media.Schema;
import io.wxcard.adapter.rest.CardResources.CardResource;
import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase.UpgradeCardCommand;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.shared.Problem;
import java.util.List;

/** The routes of WeChat Pay's member functions (membercard-open): the card's upgrade for them. */
final class PayRoutes {

    private static final String TAG = "wechat-pay";

    @Schema(description = "WeChat Pay's upgrade body without appid (the tenant's own account is sent).")
    record UpgradeRequest(@Schema(description = "The WeChat Pay brand the card joins (brand_id, at most 16 "
            + "characters).", requiredMode = REQUIRED) String brandId) {}

    private final RestPayUseCases useCases;

    PayRoutes(RestPayUseCases useCases) {
        this.useCases = useCases;
    }

    void register(Javalin app, ApiDocs docs) {
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
