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
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import java.util.List;

/** The {@code /v1/cards} routes: drafting, editing, review, settings, distribution, deletion. */
final class CardRoutes {

    private static final String TAG = "cards";
    /** Domain problems name fields from {@code member_card}; our bodies hold it under {@code card}. */
    private static final String CARD_FIELDS = "card.";

    private final RestUseCases useCases;

    CardRoutes(RestUseCases useCases) {
        this.useCases = useCases;
    }

    List<Route> routes() {
        return List.of(
                Route.post("/v1/cards").id("draftCard", "Draft a card").tag(TAG)
                        .describe("The body is WeChat's own card/create body. The card is kept as a draft; WeChat hears "
                                + "of it when it is submitted.")
                        .takes(CardDocument.class).answers(201, CardResource.class).errors(422)
                        .answerHeader("Location", "/v1/cards/{id} of the new card.")
                        .handle(this::draft),
                Route.get("/v1/cards").id("listCards", "List the tenant's cards, oldest first").tag(TAG)
                        .query("state", "Only cards in this state.", "string", names(CardState.values()))
                        .answersPage(CardResource.class)
                        .handle(this::list),
                Route.get("/v1/cards/{id}").id("getCard", "Read a card").tag(TAG)
                        .answers(200, CardResource.class).errors(404)
                        .handle(this::read),
                Route.patch("/v1/cards/{id}").id("editCard", "Edit a card's definition (JSON merge patch)").tag(TAG)
                        .describe("An RFC 7396 merge patch onto the card's document {\"card\":{\"card_type\":..,"
                                + "\"member_card\":{..}}} as GET shows it: members given replace, null removes, objects "
                                + "merge, arrays replace whole. The merged definition must pass WeChat's rules. A draft "
                                + "or rejected card is edited here; an approved or issued one through WeChat, which may "
                                + "send it back to review.")
                        .takes(CardDocument.class).mediaTypes(Route.MERGE_PATCH, Route.JSON)
                        .answers(200, CardResource.class).errors(404, 409, 422, 502, 503)
                        .handle(this::edit),
                Route.post("/v1/cards/{id}/submit").id("submitCard", "Send a draft to WeChat for review").tag(TAG)
                        .answers(200, CardResource.class).errors(404, 409, 422, 502, 503)
                        .handle(this::submit),
                Route.put("/v1/cards/{id}/test-whitelist").id("setTestWhitelist",
                                "Name the accounts that may receive the card before review passes").tag(TAG)
                        .takes(TestWhitelistJson.class).answers(200, CardResource.class).errors(404, 409, 422, 502, 503)
                        .handle(this::setTestWhitelist),
                Route.put("/v1/cards/{id}/activation-form").id("configureActivationForm",
                                "Set the one-click activation form of a wx_activate card").tag(TAG)
                        .takes(ActivationFormJson.class).answers(200, CardResource.class).errors(404, 409, 422, 502, 503)
                        .handle(this::configureActivationForm),
                Route.post("/v1/cards/{id}/qr-codes").id("createQrCode", "Make a QR code that hands the card out").tag(TAG)
                        .mayTake(QrCodeRequest.class).answers(201, QrCodeResource.class).errors(404, 409, 422, 502, 503)
                        .handle(this::createQrCode),
                Route.post("/v1/cards/{id}/landing-pages").id("createLandingPage", "Make a landing page for the card")
                        .tag(TAG).takes(LandingPageRequest.class).answers(201, LandingPageResource.class)
                        .errors(404, 409, 422, 502, 503)
                        .handle(this::createLandingPage),
                Route.post("/v1/cards/{id}/card-ext").id("signCardExt", "Sign a cardExt for JS-SDK addCard").tag(TAG)
                        .mayTake(CardExtRequest.class).answers(200, CardExtResource.class).errors(404, 409, 422, 502, 503)
                        .handle(this::signCardExt),
                Route.delete("/v1/cards/{id}").id("deleteCard", "Delete a card; members keep the cards they hold")
                        .tag(TAG).answers(200, CardResource.class).errors(404, 409)
                        .handle(this::delete));
    }

    private void draft(Call call) {
        MemberCardDefinition definition = CardDefinitionJson.toDomain(call.body(CardDocument.class));
        Card card = Failures.orAnswer(useCases.draftCard().draft(new DraftCardCommand(call.tenant(), definition)),
                CARD_FIELDS);
        call.ctx().header("Location", "/v1/cards/" + card.id().value());
        call.answer(201, CardResources.of(card));
    }

    private void list(Call call) {
        var state = call.enumQuery("state", CardState.class);
        var page = useCases.findCards().cards(call.tenant(), state, call.page());
        call.answer(200, PageResource.of(page, CardResources::of));
    }

    private void read(Call call) {
        call.answer(200, CardResources.of(Failures.orAnswer(useCases.findCards().card(call.tenant(), call.cardId()))));
    }

    private void edit(Call call) {
        CardId cardId = call.cardId();
        JsonNode patch = call.jsonBody();
        Card current = Failures.orAnswer(useCases.findCards().card(call.tenant(), cardId));
        JsonNode document = Json.toTree(CardDefinitionJson.fromDomain(current.definition()));
        CardDocument merged = Json.convert(MergePatch.apply(document, patch), CardDocument.class, "");
        MemberCardDefinition definition = CardDefinitionJson.toDomain(merged);
        Card card = Failures.orAnswer(useCases.editCard().edit(new EditCardCommand(call.tenant(), cardId, definition)),
                CARD_FIELDS);
        call.answer(200, CardResources.of(card));
    }

    private void submit(Call call) {
        CardId cardId = call.cardId();
        call.noBody();
        Card card = Failures.orAnswer(useCases.submitCard().submit(call.tenant(), cardId), CARD_FIELDS);
        call.answer(200, CardResources.of(card));
    }

    private void setTestWhitelist(Call call) {
        CardId cardId = call.cardId();
        var whitelist = CardResources.whitelistOf(call.body(TestWhitelistJson.class));
        var command = Checks.command(() -> new SetTestWhitelistCommand(call.tenant(), cardId, whitelist));
        call.answer(200, CardResources.of(Failures.orAnswer(useCases.setTestWhitelist().setTestWhitelist(command))));
    }

    private void configureActivationForm(Call call) {
        CardId cardId = call.cardId();
        var form = CardResources.formOf(call.body(ActivationFormJson.class));
        var command = new ConfigureActivationFormCommand(call.tenant(), cardId, form);
        call.answer(200, CardResources.of(Failures.orAnswer(useCases.configureActivationForm().configure(command))));
    }

    private void createQrCode(Call call) {
        CardId cardId = call.cardId();
        QrCodeRequest request = call.optionalBody(QrCodeRequest.class);
        Checks checks = new Checks();
        Option<Code> code = checks.parse("code", request.code(), Code::new);
        Option<OpenId> openId = checks.parse("openid", request.openid(), OpenId::new);
        checks.answerIfAny("the QR code request is not valid");
        var command = Checks.command(() -> new CreateQrCodeCommand(call.tenant(), cardId, code, openId,
                Boolean.TRUE.equals(request.isUniqueCode()), Option.of(request.outerStr()),
                Option.of(request.expireSeconds())));
        call.answer(201, DistributionResources.of(Failures.orAnswer(useCases.distributeCard().createQrCode(command))));
    }

    private void createLandingPage(Call call) {
        CardId cardId = call.cardId();
        LandingPageRequest request = call.body(LandingPageRequest.class);
        Checks checks = new Checks();
        checks.required("banner", request.banner());
        checks.required("page_title", request.pageTitle());
        checks.required("can_share", request.canShare());
        checks.required("scene", request.scene());
        checks.required("thumb_url", request.thumbUrl());
        checks.answerIfAny("the landing page request is not valid");
        var command = Checks.command(() -> new CreateLandingPageCommand(call.tenant(), cardId, request.banner(),
                request.pageTitle(), request.canShare(), request.scene(), request.thumbUrl()));
        call.answer(201, DistributionResources.of(Failures.orAnswer(useCases.distributeCard().createLandingPage(command))));
    }

    private void signCardExt(Call call) {
        CardId cardId = call.cardId();
        CardExtRequest request = call.optionalBody(CardExtRequest.class);
        Checks checks = new Checks();
        Option<Code> code = checks.parse("code", request.code(), Code::new);
        Option<OpenId> openId = checks.parse("openid", request.openid(), OpenId::new);
        if (request.outerStr() != null && (request.outerStr().isBlank() || request.outerStr().length() > 128)) {
            checks.add("outer_str", "must have 1 to 128 characters");
        }
        checks.answerIfAny("the cardExt request is not valid");
        var command = Checks.command(() -> new SignCardExtCommand(call.tenant(), cardId, code, openId,
                Option.of(request.fixedBegintimestamp()), Option.of(request.outerStr())));
        call.answer(200, DistributionResources.of(Failures.orAnswer(useCases.distributeCard().signCardExt(command))));
    }

    private void delete(Call call) {
        CardId cardId = call.cardId();
        call.noBody();
        call.answer(200, CardResources.of(Failures.orAnswer(useCases.deleteCard().delete(call.tenant(), cardId))));
    }

    static String[] names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
