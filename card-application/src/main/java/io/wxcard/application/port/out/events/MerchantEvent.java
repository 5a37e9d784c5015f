package io.wxcard.application.port.out.events;

import io.vavr.control.Option;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened which the merchant's systems care about, as they receive it: written with the change in
 * one transaction, then given its place in the change feed.
 *
 * @param id         stable across every delivery and read: receivers de-duplicate on it
 * @param position   its place in the change feed (1, 2, 3, ... across all tenants, in commit order); 0 until placed
 * @param orderKey   what it must stay in order with ({@code card/code} of a membership, {@code card} of a card, the
 *                   import job): webhooks deliver the events of one key in position order
 * @param json       the event as every consumer gets it, byte for byte: one JSON object (see {@code docs/webhooks.md})
 */
public record MerchantEvent(String id, long position, TenantId tenantId, EventType type, String orderKey,
                            Instant occurredAt, String json) {
    public MerchantEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenant");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(orderKey, "order key");
        Objects.requireNonNull(occurredAt, "occurred at");
        Objects.requireNonNull(json, "json");
    }

    public MerchantEvent placedAt(long newPosition) {
        return new MerchantEvent(id, newPosition, tenantId, type, orderKey, occurredAt, json);
    }

    public Option<Long> placed() {
        return position > 0 ? Option.of(position) : Option.none();
    }
}
