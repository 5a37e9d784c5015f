package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.application.port.out.events.Webhook;
import io.wxcard.application.port.out.events.WebhookDelivery;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Webhooks, and the deliveries each one is owed. */
public interface WebhookStore {

    void save(Webhook webhook);

    List<Webhook> list(TenantId tenantId);

    /** Every tenant's webhooks (what placing events fans out to). */
    List<Webhook> all();

    /** Deletes the webhook and what it is still owed; false when the tenant has no such webhook. */
    boolean delete(TenantId tenantId, String webhookId);

    /**
     * Owes the events to the webhook, due at once, in the caller's transaction (placing owes each placed event once:
     * one statement for the lot, not one per event); an event already owed to it is left as it is.
     */
    void owe(Webhook webhook, List<MerchantEvent> events, Instant now);

    /**
     * Claims up to {@code limit} due deliveries for {@code lease}, each the oldest pending one of its webhook and
     * {@link MerchantEvent#orderKey()} (so one membership's events go out in order, one at a time), never one that
     * another claimer holds under a live lease.
     */
    List<WebhookDelivery> claim(String claimer, int limit, Instant now, Duration lease);

    /** Posted and answered 2xx: it leaves the queue. False when the claimer no longer held it. */
    boolean delivered(String webhookId, String eventId, String claimer, Instant now);

    boolean retryLater(String webhookId, String eventId, String claimer, Instant notBefore, String error);

    /** Given up on (it kept failing for the whole retry span): kept for an operator, out of the way of later ones. */
    boolean dead(String webhookId, String eventId, String claimer, String error);

    /** The tenant's dead deliveries, oldest first. */
    List<WebhookDelivery> dead(TenantId tenantId, int limit);

    /** Puts a dead delivery back in the queue, due at once, its attempts reset; false when there is none. */
    boolean redeliver(TenantId tenantId, String webhookId, String eventId, Instant now);

    /** The delivery as it stands, for tests and operators. */
    Option<WebhookDelivery> find(String webhookId, String eventId);
}
