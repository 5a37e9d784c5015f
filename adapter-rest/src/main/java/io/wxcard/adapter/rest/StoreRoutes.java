package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.PATCH;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.vavr.control.Option;
import io.wxcard.adapter.rest.EngagementResources.StoreQrCodeResource;
import io.wxcard.adapter.rest.EngagementResources.StoreRequest;
import io.wxcard.adapter.rest.EngagementResources.StoreResource;
import io.wxcard.adapter.rest.EngagementResources.Stores;
import io.wxcard.application.port.in.ManageStoresUseCase;
import io.wxcard.application.port.in.ManageStoresUseCase.AddStoreCommand;
import io.wxcard.application.port.in.ManageStoresUseCase.EditStoreCommand;
import io.wxcard.application.port.in.ManageStoresUseCase.StoreQrCodeCommand;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.store.Store;
import io.wxcard.domain.store.StoreId;
import java.util.Set;

/**
 * The tenant's stores and each store's QR code for a card (issue 17 item 4): the code's {@code outer_str} names the
 * store, so a new member's receipt and a holder's scan (WeChat opens the card they hold) are the store's.
 */
final class StoreRoutes {

    private static final String TAG = "stores";
    private static final String STORES = "/v1/stores";
    private static final String STORE = STORES + "/{store}";
    private static final String QR_CODE = "/v1/cards/{id}/stores/{store}/qr-code";

    private final ManageStoresUseCase stores;

    StoreRoutes(ManageStoresUseCase stores) {
        this.stores = stores;
    }

    void register(Javalin app, ApiDocs docs) {
        app.post(STORES, this::add, Access.API_KEY);
        docs.operation(POST, STORES, "addStore", "Add a store", TAG, 413, 415, 422)
                .requestBody(docs.body(StoreRequest.class, true))
                .getResponses().addApiResponse("201", docs.answer(StoreResource.class));
        app.get(STORES, ctx -> ctx.json(new Stores(stores.stores(Access.tenant(ctx)).stream()
                .map(EngagementResources::of).toList())), Access.API_KEY);
        docs.operation(GET, STORES, "listStores", "List the tenant's stores, oldest first", TAG)
                .getResponses().addApiResponse("200", docs.answer(Stores.class));
        app.get(STORE, ctx -> ctx.json(EngagementResources.of(Problems.orAnswer(stores.store(Access.tenant(ctx),
                Params.storeId(ctx, "store"))))), Access.API_KEY);
        docs.operation(GET, STORE, "getStore", "Read a store", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(StoreResource.class));
        app.patch(STORE, this::edit, Access.API_KEY);
        docs.operation(PATCH, STORE, "editStore", "Edit a store (JSON merge patch); its QR codes stay its own", TAG,
                        404, 413, 415, 422)
                .requestBody(docs.body(StoreRequest.class, true, Params.MERGE_PATCH, Params.JSON))
                .getResponses().addApiResponse("200", docs.answer(StoreResource.class));
        app.get(QR_CODE, this::qrCode, Access.API_KEY);
        docs.operation(GET, QR_CODE, "getStoreQrCode", "Make the store's QR code for the card", TAG,
                        404, 409, 422, 502, 503)
                .description("Each call asks WeChat for a code (card/qrcode/create, outer_str store-<id>): not "
                        + "unique-code, so any member may scan it. A member who already holds the card is opened to "
                        + "it, and the visit is the store's.")
                .addParametersItem(ApiDocs.query("expire_seconds", "60 to 1800; absent for a code to print."))
                .getResponses().addApiResponse("200", docs.answer(StoreQrCodeResource.class));
    }

    private void add(Context ctx) {
        StoreRequest request = Params.body(ctx, StoreRequest.class);
        var command = Checks.command(() -> new AddStoreCommand(Access.tenant(ctx), request.name(), request.address(),
                Option.of(request.locationId())));
        ctx.status(201).json(EngagementResources.of(Problems.orAnswer(stores.addStore(command))));
    }

    private void edit(Context ctx) {
        StoreId storeId = Params.storeId(ctx, "store");
        JsonNode patch = Params.jsonBody(ctx, Params.MERGE_PATCH, Params.JSON);
        Json.convert(patch, StoreRequest.class, ""); // a member the store does not have is refused, null or not
        Store current = Problems.orAnswer(stores.store(Access.tenant(ctx), storeId));
        JsonNode document = Json.MAPPER.valueToTree(new StoreRequest(current.name(), current.address(),
                current.locationId().getOrNull()));
        StoreRequest merged = Json.convert(MergePatch.apply(document, patch), StoreRequest.class, "");
        var command = Checks.command(() -> new EditStoreCommand(Access.tenant(ctx), storeId, merged.name(),
                merged.address(), Option.of(merged.locationId())));
        ctx.json(EngagementResources.of(Problems.orAnswer(stores.editStore(command))));
    }

    private void qrCode(Context ctx) {
        CardId cardId = Params.cardId(ctx);
        StoreId storeId = Params.storeId(ctx, "store");
        Params.checkQuery(ctx, Set.of("expire_seconds"));
        Option<Integer> expireSeconds = Option.of(ctx.queryParamAsClass("expire_seconds", Integer.class)
                .allowNullable().get());
        var command = Checks.command(() -> new StoreQrCodeCommand(Access.tenant(ctx), storeId, cardId,
                expireSeconds));
        ctx.json(EngagementResources.of(Problems.orAnswer(stores.storeQrCode(command)), cardId.value()));
    }
}
