package io.wxcard.adapter.rest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.swagger.v3.oas.models.Operation;
import io.wxcard.adapter.rest.MemberResources.CreateWebhookRequest;
import io.wxcard.adapter.rest.MemberResources.DeadDeliveryResource;
import io.wxcard.adapter.rest.MemberResources.FeedResource;
import io.wxcard.adapter.rest.MemberResources.WebhookResource;
import io.wxcard.application.port.in.ManageWebhooksUseCase;
import io.wxcard.application.port.in.ManageWebhooksUseCase.CreateWebhookCommand;
import io.wxcard.application.port.in.ReadChangeFeedQuery;
import io.wxcard.application.port.in.ReadChangeFeedQuery.FeedPage;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Set;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.DELETE;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

/**
 * Events going out: the change feed ({@code GET /v1/events?after=&limit=}) for consumers that poll, and webhooks
 * ({@code /v1/webhooks}) for those that are told, with their dead deliveries and redelivery.
 */
final class EventRoutes {

    private static final String TAG = "events";
    private static final int DEFAULT_FEED_LIMIT = 100;

    private final ReadChangeFeedQuery feed;
    private final ManageWebhooksUseCase webhooks;

    EventRoutes(ReadChangeFeedQuery feed, ManageWebhooksUseCase webhooks) {
        this.feed = feed;
        this.webhooks = webhooks;
    }

    void register(Javalin app, ApiDocs docs) {
        app.get("/v1/events", this::events, Access.API_KEY);
        docs.operation(GET, "/v1/events", "readChangeFeed", "Read the tenant's events in order, from any position", TAG)
                .description("Ordered by position; resume with after= the last position read (next). The same "
                        + "position always answers the same events, until they pass the retention (7 days unless "
                        + "the operator says otherwise).")
                .addParametersItem(ApiDocs.query("after", "The position to read after; 0 (the default) from the "
                        + "oldest kept."))
                .addParametersItem(ApiDocs.query("limit", "1 to " + ReadChangeFeedQuery.MAX_LIMIT + "; "
                        + DEFAULT_FEED_LIMIT + " by default."))
                .getResponses().addApiResponse("200", docs.answer(FeedResource.class));
        app.post("/v1/webhooks", this::create, Access.API_KEY);
        docs.operation(POST, "/v1/webhooks", "createWebhook", "Make a webhook (its secret is shown once)", TAG,
                        413, 415, 422)
                .description("Each delivery is a POST of the event's JSON with Wxcard-Signature: t=<unix seconds>,"
                        + "v1=<hex HMAC-SHA256 of \"t.body\" under the secret>, Wxcard-Event-Id and Wxcard-Event-Type. "
                        + "Retried with back-off for at least 24 hours until a 2xx; one membership's events in order; "
                        + "redirects are not followed. See docs/webhooks.md.")
                .requestBody(docs.body(CreateWebhookRequest.class, true))
                .getResponses().addApiResponse("201", docs.answer(WebhookResource.class));
        app.get("/v1/webhooks", this::list, Access.API_KEY);
        docs.operation(GET, "/v1/webhooks", "listWebhooks", "List the tenant's webhooks (without secrets)", TAG)
                .getResponses().addApiResponse("200", docs.answer(Webhooks.class));
        app.delete("/v1/webhooks/{webhook}", this::delete, Access.API_KEY);
        docs.operation(DELETE, "/v1/webhooks/{webhook}", "deleteWebhook",
                        "Delete a webhook and what it is still owed", TAG, 404)
                .getResponses().addApiResponse("204", new io.swagger.v3.oas.models.responses.ApiResponse()
                        .description("Deleted."));
        app.get("/v1/webhooks/dead-deliveries", this::dead, Access.API_KEY);
        Operation dead = docs.operation(GET, "/v1/webhooks/dead-deliveries", "listDeadDeliveries",
                "List deliveries given up on after the retry span, oldest first", TAG);
        dead.addParametersItem(ApiDocs.query("limit", "1 to 500; 100 by default."));
        dead.getResponses().addApiResponse("200", docs.answer(DeadDeliveries.class));
        app.post("/v1/webhooks/{webhook}/deliveries/{event}/redeliver", this::redeliver, Access.API_KEY);
        docs.operation(POST, "/v1/webhooks/{webhook}/deliveries/{event}/redeliver", "redeliver",
                        "Send a dead delivery again (same event id), retried as a new one", TAG, 404)
                .getResponses().addApiResponse("202", docs.answer(DeadDeliveryResource.class));
    }

    @io.swagger.v3.oas.annotations.media.Schema(description = "The tenant's webhooks.")
    record Webhooks(List<WebhookResource> items) {}

    @io.swagger.v3.oas.annotations.media.Schema(description = "Dead deliveries.")
    record DeadDeliveries(List<DeadDeliveryResource> items) {}

    private void events(Context ctx) {
        Params.checkQuery(ctx, Set.of("after", "limit"));
        long after = ctx.queryParamAsClass("after", Long.class).check(value -> value >= 0, "must be 0 or more")
                .getOrDefault(0L);
        int limit = ctx.queryParamAsClass("limit", Integer.class)
                .check(value -> value >= 1 && value <= ReadChangeFeedQuery.MAX_LIMIT,
                        "must be 1 to " + ReadChangeFeedQuery.MAX_LIMIT)
                .getOrDefault(DEFAULT_FEED_LIMIT);
        FeedPage page = feed.after(Access.tenant(ctx), after, limit);
        ctx.status(200).json(new FeedResource(page.events().stream().map(MemberResources::feedItem).toList(),
                page.next()));
    }

    private void create(Context ctx) {
        CreateWebhookRequest request = Params.body(ctx, CreateWebhookRequest.class);
        Checks checks = new Checks();
        String url = checks.required("url", request.url());
        checks.answerIfAny("the webhook is not valid");
        var made = Problems.orAnswer(webhooks.create(new CreateWebhookCommand(Access.tenant(ctx), url,
                request.eventTypes() == null ? Set.of() : request.eventTypes())));
        ctx.status(201).header("Location", "/v1/webhooks/" + made.id()).json(MemberResources.webhook(made, true));
    }

    private void list(Context ctx) {
        ctx.status(200).json(new Webhooks(webhooks.webhooks(Access.tenant(ctx)).stream()
                .map(webhook -> MemberResources.webhook(webhook, false)).toList()));
    }

    private void delete(Context ctx) {
        Params.noBody(ctx);
        Problems.orAnswer(webhooks.delete(Access.tenant(ctx), ctx.pathParam("webhook")));
        ctx.status(204);
    }

    private void dead(Context ctx) {
        Params.checkQuery(ctx, Set.of("limit"));
        int limit = ctx.queryParamAsClass("limit", Integer.class).check(value -> value >= 1 && value <= 500,
                "must be 1 to 500").getOrDefault(100);
        TenantId tenant = Access.tenant(ctx);
        ctx.status(200).json(new DeadDeliveries(webhooks.deadDeliveries(tenant, limit).stream()
                .map(MemberResources::dead).toList()));
    }

    private void redeliver(Context ctx) {
        Params.noBody(ctx);
        var back = Problems.orAnswer(webhooks.redeliver(Access.tenant(ctx), ctx.pathParam("webhook"),
                ctx.pathParam("event")));
        ctx.status(202).json(MemberResources.dead(back));
    }
}
