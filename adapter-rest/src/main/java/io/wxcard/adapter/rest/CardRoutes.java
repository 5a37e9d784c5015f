package io.wxcard.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.wxcard.adapter.rest.CardDefinitionJson.CardDocument;
import io.wxcard.adapter.rest.CardResources.ActivationFormJson;
import io.wxcard.adapter.rest.CardResources.CardResource;
import io.wxcard.adapter.rest.CardResources.TestWhitelistJson;
import io.wxcard.adapter.rest.DistributionResources.CardExtRequest;
import io.wxcard.adapter.rest.DistributionResources.CardExtResource;
import io.wxcard.adapter.rest.DistributionResources.LandingPageRequest;
import io.wxcard.adapter.rest.DistributionResources.LandingPageResource;
import io.wxcard.adapter.rest.DistributionResources.QrCodeRequest;
import io.wxcard.adapter.rest.DistributionResources.QrCodeResource;
import io.wxcard.application.port.in.ConfigureActivationFormUseCase.ConfigureActivationFormCommand;
import io.wxcard.application.port.in.DistributeCardUseCase.CreateLandingPageCommand;
import io.wxcard.application.port.in.DistributeCardUseCase.CreateQrCodeCommand;
import io.wxcard.application.port.in.DistributeCardUseCase.SignCardExtCommand;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.in.EditCardUseCase.EditCardCommand;
import io.wxcard.application.port.in.SetTestWhitelistUseCase.SetTestWhitelistCommand;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.card.OuterStr;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.swagger.v3.oas.models.headers.Header;
import java.util.ArrayList;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.DELETE;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.PATCH;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.PUT;

/** The {@code /v1/cards} routes: drafting, editing, review, settings, distribution, deletion. */
final class CardRoutes {

    private static final String TAG = "cards";
    private static final Integer[] WRITE_ERRORS = {404, 409, 413, 415, 422, 502, 503};
    /** Domain problems name fields from {@code member_card}; our bodies hold it under {@code card}. */
    private static final String CARD_FIELDS = "card.";

    private final RestUseCases useCases;

    CardRoutes(RestUseCases useCases) {
        this.useCases = useCases;
    }

    void register(Javalin app, ApiDocs docs) {
        app.post("/v1/cards", this::draft, Access.API_KEY);
        docs.operation(POST, "/v1/cards", "draftCard", "Draft a card", TAG, 422)
                .description("The body is WeChat's own card/create body. The card is kept as a draft; WeChat hears of "
                        + "it when it is submitted.")
                .requestBody(docs.body(CardDocument.class, true))
                .getResponses().addApiResponse("201", docs.answer(CardResource.class)
                        .addHeaderObject("Location", new Header().description("/v1/cards/{id} of the new card.")));
        app.get("/v1/cards", this::list, Access.API_KEY);
        docs.operation(GET, "/v1/cards", "listCards", "List the tenant's cards, oldest first", TAG)
                .parameters(new ArrayList<>(ApiDocs.pageQuery()))
                .addParametersItem(ApiDocs.query("state", "Only cards in this state.", names(CardState.values())))
                .getResponses().addApiResponse("200", docs.page(CardResource.class));
        app.get("/v1/cards/{id}", this::read, Access.API_KEY);
        docs.operation(GET, "/v1/cards/{id}", "getCard", "Read a card", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(CardResource.class));
        app.patch("/v1/cards/{id}", this::edit, Access.API_KEY);
        docs.operation(PATCH, "/v1/cards/{id}", "editCard", "Edit a card's definition (JSON merge patch)", TAG, WRITE_ERRORS)
                .description("An RFC 7396 merge patch onto the card's document {\"card\":{\"card_type\":..,"
                        + "\"member_card\":{..}}} as GET shows it: members given replace, null removes, objects merge, "
                        + "arrays replace whole. The merged definition must pass WeChat's rules. A draft or rejected "
                        + "card is edited here; an approved or issued one through WeChat, which may send it back to "
                        + "review.")
                .requestBody(docs.body(CardDocument.class, true, Params.MERGE_PATCH, Params.JSON))
                .getResponses().addApiResponse("200", docs.answer(CardResource.class));
        app.post("/v1/cards/{id}/submit", this::submit, Access.API_KEY);
        docs.operation(POST, "/v1/cards/{id}/submit", "submitCard", "Send a draft to WeChat for review", TAG, WRITE_ERRORS)
                .getResponses().addApiResponse("200", docs.answer(CardResource.class));
        app.put("/v1/cards/{id}/test-whitelist", this::setTestWhitelist, Access.API_KEY);
        docs.operation(PUT, "/v1/cards/{id}/test-whitelist", "setTestWhitelist",
                        "Name the accounts that may receive the card before review passes", TAG, WRITE_ERRORS)
                .requestBody(docs.body(TestWhitelistJson.class, true))
                .getResponses().addApiResponse("200", docs.answer(CardResource.class));
        app.put("/v1/cards/{id}/activation-form", this::configureActivationForm, Access.API_KEY);
        docs.operation(PUT, "/v1/cards/{id}/activation-form", "configureActivationForm",
                        "Set the one-click activation form of a wx_activate card", TAG, WRITE_ERRORS)
                .requestBody(docs.body(ActivationFormJson.class, true))
                .getResponses().addApiResponse("200", docs.answer(CardResource.class));
        app.post("/v1/cards/{id}/qr-codes", this::createQrCode, Access.API_KEY);
        docs.operation(POST, "/v1/cards/{id}/qr-codes", "createQrCode", "Make a QR code that hands the card out", TAG,
                        WRITE_ERRORS)
                .requestBody(docs.body(QrCodeRequest.class, false))
                .getResponses().addApiResponse("201", docs.answer(QrCodeResource.class));
        app.post("/v1/cards/{id}/landing-pages", this::createLandingPage, Access.API_KEY);
        docs.operation(POST, "/v1/cards/{id}/landing-pages", "createLandingPage", "Make a landing page for the card",
                        TAG, WRITE_ERRORS)
                .requestBody(docs.body(LandingPageRequest.class, true))
                .getResponses().addApiResponse("201", docs.answer(LandingPageResource.class));
        app.post("/v1/cards/{id}/card-ext", this::signCardExt, Access.API_KEY);
        docs.operation(POST, "/v1/cards/{id}/card-ext", "signCardExt", "Sign a cardExt for JS-SDK addCard", TAG,
                        WRITE_ERRORS)
                .requestBody(docs.body(CardExtRequest.class, false))
                .getResponses().addApiResponse("200", docs.answer(CardExtResource.class));
        app.delete("/v1/cards/{id}", this::delete, Access.API_KEY);
        docs.operation(DELETE, "/v1/cards/{id}", "deleteCard", "Delete a card; members keep the cards they hold", TAG,
                        404, 409, 413, 415)
                .getResponses().addApiResponse("200", docs.answer(CardResource.class));
    }

    private void draft(Context ctx) {
        MemberCardDefinition definition = CardDefinitionJson.toDomain(Params.body(ctx, CardDocument.class));
        Card card = Problems.orAnswer(useCases.draftCard().draft(new DraftCardCommand(Access.tenant(ctx), definition)),
                CARD_FIELDS);
        ctx.header("Location", "/v1/cards/" + card.id().value());
        ctx.status(201).json(CardResources.of(card));
    }

    private void list(Context ctx) {
        var state = Params.enumQuery(ctx, "state", CardState.class);
        var page = useCases.findCards().cards(Access.tenant(ctx), state, Params.page(ctx));
        ctx.status(200).json(PageResource.of(page, CardResources::of));
    }

    private void read(Context ctx) {
        ctx.status(200).json(CardResources.of(Problems.orAnswer(useCases.findCards().card(Access.tenant(ctx), Params.cardId(ctx)))));
    }

    private void edit(Context ctx) {
        CardId cardId = Params.cardId(ctx);
        JsonNode patch = Params.jsonBody(ctx, Params.MERGE_PATCH, Params.JSON);
        Card current = Problems.orAnswer(useCases.findCards().card(Access.tenant(ctx), cardId));
        JsonNode document = Json.MAPPER.valueToTree(CardDefinitionJson.fromDomain(current.definition()));
        CardDocument merged = Json.convert(MergePatch.apply(document, patch), CardDocument.class, "");
        MemberCardDefinition definition = CardDefinitionJson.toDomain(merged);
        Card card = Problems.orAnswer(useCases.editCard().edit(new EditCardCommand(Access.tenant(ctx), cardId, definition)),
                CARD_FIELDS);
        ctx.status(200).json(CardResources.of(card));
    }

    private void submit(Context ctx) {
        CardId cardId = Params.cardId(ctx);
        Params.noBody(ctx);
        Card card = Problems.orAnswer(useCases.submitCard().submit(Access.tenant(ctx), cardId), CARD_FIELDS);
        ctx.status(200).json(CardResources.of(card));
    }

    private void setTestWhitelist(Context ctx) {
        CardId cardId = Params.cardId(ctx);
        var whitelist = CardResources.whitelistOf(Params.body(ctx, TestWhitelistJson.class));
        var command = Checks.command(() -> new SetTestWhitelistCommand(Access.tenant(ctx), cardId, whitelist));
        ctx.status(200).json(CardResources.of(Problems.orAnswer(useCases.setTestWhitelist().setTestWhitelist(command))));
    }

    private void configureActivationForm(Context ctx) {
        CardId cardId = Params.cardId(ctx);
        var form = CardResources.formOf(Params.body(ctx, ActivationFormJson.class));
        var command = new ConfigureActivationFormCommand(Access.tenant(ctx), cardId, form);
        ctx.status(200).json(CardResources.of(Problems.orAnswer(useCases.configureActivationForm().configure(command))));
    }

    private void createQrCode(Context ctx) {
        CardId cardId = Params.cardId(ctx);
        QrCodeRequest request = Params.optionalBody(ctx, QrCodeRequest.class);
        Checks checks = new Checks();
        Option<Code> code = checks.parse("code", request.code(), Code::new);
        Option<OpenId> openId = checks.parse("openid", request.openid(), OpenId::new);
        checks.answerIfAny("the QR code request is not valid");
        var command = Checks.command(() -> new CreateQrCodeCommand(Access.tenant(ctx), cardId, code, openId,
                Boolean.TRUE.equals(request.isUniqueCode()), Option.of(request.outerStr()),
                Option.of(request.expireSeconds())));
        ctx.status(201).json(DistributionResources.of(Problems.orAnswer(useCases.distributeCard().createQrCode(command))));
    }

    private void createLandingPage(Context ctx) {
        CardId cardId = Params.cardId(ctx);
        LandingPageRequest request = Params.body(ctx, LandingPageRequest.class);
        Checks checks = new Checks();
        checks.required("banner", request.banner());
        checks.required("page_title", request.pageTitle());
        checks.required("can_share", request.canShare());
        checks.required("scene", request.scene());
        checks.required("thumb_url", request.thumbUrl());
        checks.answerIfAny("the landing page request is not valid");
        var command = Checks.command(() -> new CreateLandingPageCommand(Access.tenant(ctx), cardId, request.banner(),
                request.pageTitle(), request.canShare(), request.scene(), request.thumbUrl()));
        ctx.status(201).json(DistributionResources.of(Problems.orAnswer(useCases.distributeCard().createLandingPage(command))));
    }

    private void signCardExt(Context ctx) {
        CardId cardId = Params.cardId(ctx);
        CardExtRequest request = Params.optionalBody(ctx, CardExtRequest.class);
        Checks checks = new Checks();
        Option<Code> code = checks.parse("code", request.code(), Code::new);
        Option<OpenId> openId = checks.parse("openid", request.openid(), OpenId::new);
        checks.parse("outer_str", request.outerStr(), OuterStr::require);
        checks.answerIfAny("the cardExt request is not valid");
        var command = Checks.command(() -> new SignCardExtCommand(Access.tenant(ctx), cardId, code, openId,
                Option.of(request.fixedBegintimestamp()), Option.of(request.outerStr())));
        ctx.status(200).json(DistributionResources.of(Problems.orAnswer(useCases.distributeCard().signCardExt(command))));
    }

    private void delete(Context ctx) {
        CardId cardId = Params.cardId(ctx);
        Params.noBody(ctx);
        ctx.status(200).json(CardResources.of(Problems.orAnswer(useCases.deleteCard().delete(Access.tenant(ctx), cardId))));
    }

    static String[] names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
