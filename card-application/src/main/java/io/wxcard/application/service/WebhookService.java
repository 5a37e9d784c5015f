package io.wxcard.application.service;

import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageWebhooksUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.events.EventType;
import io.wxcard.application.port.out.events.Webhook;
import io.wxcard.application.port.out.events.WebhookDelivery;
import io.wxcard.application.port.out.store.WebhookStore;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Makes, lists and deletes a tenant's webhooks, and puts dead deliveries back in the queue. */
final class WebhookService implements ManageWebhooksUseCase {

    static final int MAX_DEAD_LISTED = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore webhooks;
    private final WebhookUrlPolicy urls;
    private final Lookups lookups;
    private final IdGenerator ids;
    private final Clock clock;

    WebhookService(WebhookStore webhooks, WebhookUrlPolicy urls, Lookups lookups, IdGenerator ids, Clock clock) {
        this.webhooks = webhooks;
        this.urls = urls;
        this.lookups = lookups;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Either<Failure, Webhook> create(CreateWebhookCommand command) {
        return lookups.tenant(command.tenantId())
                .flatMap(tenant -> Lookups.rejected(urls.check(command.url())))
                .flatMap(url -> Lookups.rejected(types(command.eventTypes())).map(types -> {
                    Webhook webhook = new Webhook(ids.newId("wh"), command.tenantId(), url, types, newSecret(),
                            clock.now());
                    webhooks.save(webhook);
                    return webhook;
                }));
    }

    @Override
    public List<Webhook> webhooks(TenantId tenantId) {
        return webhooks.list(tenantId);
    }

    @Override
    public Either<Failure, Webhook> delete(TenantId tenantId, String webhookId) {
        return webhooks.list(tenantId).stream().filter(webhook -> webhook.id().equals(webhookId)).findFirst()
                .filter(webhook -> webhooks.delete(tenantId, webhookId))
                .<Either<Failure, Webhook>>map(Either::right)
                .orElseGet(() -> Either.left(new Failure.NotFound("webhook " + webhookId)));
    }

    @Override
    public List<WebhookDelivery> deadDeliveries(TenantId tenantId, int limit) {
        return webhooks.dead(tenantId, Math.max(1, Math.min(limit, MAX_DEAD_LISTED)));
    }

    @Override
    public Either<Failure, WebhookDelivery> redeliver(TenantId tenantId, String webhookId, String eventId) {
        if (!webhooks.redeliver(tenantId, webhookId, eventId, clock.now())) {
            return Either.left(new Failure.NotFound("dead delivery of event " + eventId + " to webhook " + webhookId));
        }
        return webhooks.find(webhookId, eventId).<Either<Failure, WebhookDelivery>>map(Either::right)
                .getOrElse(() -> Either.left(new Failure.NotFound("webhook " + webhookId)));
    }

    /** The types asked for; none means all of them. */
    private static Either<Rejection, Set<EventType>> types(Set<String> names) {
        if (names.isEmpty()) {
            return Either.right(EnumSet.allOf(EventType.class));
        }
        Set<String> unknown = new TreeSet<>();
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        names.forEach(name -> EventType.ofWireName(name).peek(types::add).onEmpty(() -> unknown.add(name)));
        if (!unknown.isEmpty()) {
            String known = String.join(", ", EnumSet.allOf(EventType.class).stream().map(EventType::wireName).toList());
            return Either.left(Rejection.invalid(RejectionCode.WEBHOOK_INVALID, "unknown event types " + unknown
                    + "; the types are: " + known, List.of(new Problem("event_types", "unknown: " + unknown))));
        }
        return Either.right(types);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }
}
