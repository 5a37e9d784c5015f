package io.wxcard.application.testing;

import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.application.port.out.events.Webhook;
import io.wxcard.application.port.out.events.WebhookDelivery;
import io.wxcard.application.port.out.events.WebhookDelivery.State;
import io.wxcard.application.port.out.store.WebhookStore;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@link WebhookStore} in memory. */
final class InMemoryWebhookStore implements WebhookStore, InMemoryStores.Snapshottable {

    private record Row(WebhookDelivery delivery, Option<String> claimedBy, Option<Instant> leaseUntil) {
        Row with(State state, int attempts, Instant notBefore, Option<String> error) {
            WebhookDelivery d = delivery;
            return new Row(new WebhookDelivery(d.webhook(), d.event(), state, d.owedAt(), attempts, notBefore, error),
                    Option.none(), Option.none());
        }
    }

    private record Tables(Map<String, Webhook> webhooks, Map<Tuple2<String, String>, Row> deliveries) {}

    private final InMemoryStores db;
    private Tables t = new Tables(LinkedHashMap.empty(), LinkedHashMap.empty());

    InMemoryWebhookStore(InMemoryStores db) {
        this.db = db;
    }

    @Override
    public void save(Webhook webhook) {
        db.locked(() -> t = new Tables(t.webhooks.put(webhook.id(), webhook), t.deliveries));
    }

    @Override
    public List<Webhook> list(TenantId tenantId) {
        return db.locked(() -> t.webhooks.values().filter(w -> w.tenantId().equals(tenantId)).toJavaList());
    }

    @Override
    public List<Webhook> all() {
        return db.locked(() -> t.webhooks.values().toJavaList());
    }

    @Override
    public boolean delete(TenantId tenantId, String webhookId) {
        return db.locked(() -> {
            if (!t.webhooks.get(webhookId).exists(w -> w.tenantId().equals(tenantId))) {
                return false;
            }
            t = new Tables(t.webhooks.remove(webhookId), t.deliveries.filterKeys(k -> !k._1.equals(webhookId)));
            return true;
        });
    }

    @Override
    public void owe(Webhook webhook, List<MerchantEvent> events, Instant now) {
        db.locked(() -> {
            for (MerchantEvent event : events) {
                var key = new Tuple2<>(webhook.id(), event.id());
                if (!t.deliveries.containsKey(key)) {
                    t = new Tables(t.webhooks, t.deliveries.put(key, new Row(new WebhookDelivery(webhook, event,
                            State.PENDING, now, 0, now, Option.none()), Option.none(), Option.none())));
                }
            }
            return events;
        });
    }

    @Override
    public List<WebhookDelivery> claim(String claimer, int limit, Instant now, Duration lease) {
        return db.locked(() -> {
            List<Row> pending = t.deliveries.values().filter(r -> r.delivery.state() == State.PENDING)
                    .sorted(Comparator.comparingLong((Row r) -> r.delivery.event().position())).toJavaList();
            Set<Tuple2<String, String>> heads = new HashSet<>();
            List<WebhookDelivery> claimed = new ArrayList<>();
            for (Row row : pending) {
                var order = new Tuple2<>(row.delivery.webhook().id(), row.delivery.event().orderKey());
                if (!heads.add(order) || claimed.size() >= limit) {
                    continue; // only the oldest pending delivery of a webhook and membership may go
                }
                boolean leased = row.leaseUntil.exists(until -> until.isAfter(now));
                if (!leased && !row.delivery.notBefore().isAfter(now)) {
                    t = new Tables(t.webhooks, t.deliveries.put(key(row), new Row(row.delivery, Option.of(claimer),
                            Option.of(now.plus(lease)))));
                    claimed.add(row.delivery);
                }
            }
            return claimed;
        });
    }

    @Override
    public boolean delivered(String webhookId, String eventId, String claimer, Instant now) {
        return settle(webhookId, eventId, claimer, row -> row.with(State.DELIVERED, row.delivery.attempts(),
                row.delivery.notBefore(), row.delivery.lastError()));
    }

    @Override
    public boolean retryLater(String webhookId, String eventId, String claimer, Instant notBefore, String error) {
        return settle(webhookId, eventId, claimer, row -> row.with(State.PENDING, row.delivery.attempts() + 1,
                notBefore, Option.of(error)));
    }

    @Override
    public boolean dead(String webhookId, String eventId, String claimer, String error) {
        return settle(webhookId, eventId, claimer, row -> row.with(State.DEAD, row.delivery.attempts() + 1,
                row.delivery.notBefore(), Option.of(error)));
    }

    @Override
    public List<WebhookDelivery> dead(TenantId tenantId, int limit) {
        return db.locked(() -> t.deliveries.values().map(Row::delivery)
                .filter(d -> d.state() == State.DEAD && d.webhook().tenantId().equals(tenantId))
                .sorted(Comparator.comparingLong((WebhookDelivery d) -> d.event().position()))
                .take(limit).toJavaList());
    }

    @Override
    public boolean redeliver(TenantId tenantId, String webhookId, String eventId, Instant now) {
        return db.locked(() -> {
            var key = new Tuple2<>(webhookId, eventId);
            Option<Row> row = t.deliveries.get(key).filter(r -> r.delivery.state() == State.DEAD
                    && r.delivery.webhook().tenantId().equals(tenantId));
            row.forEach(r -> {
                WebhookDelivery d = r.delivery;
                t = new Tables(t.webhooks, t.deliveries.put(key, new Row(new WebhookDelivery(d.webhook(), d.event(),
                        State.PENDING, now, 0, now, d.lastError()), Option.none(), Option.none())));
            });
            return row.isDefined();
        });
    }

    @Override
    public Option<WebhookDelivery> find(String webhookId, String eventId) {
        return db.locked(() -> t.deliveries.get(new Tuple2<>(webhookId, eventId)).map(Row::delivery));
    }

    private boolean settle(String webhookId, String eventId, String claimer, java.util.function.UnaryOperator<Row> to) {
        return db.locked(() -> {
            var key = new Tuple2<>(webhookId, eventId);
            Option<Row> row = t.deliveries.get(key).filter(r -> r.claimedBy.contains(claimer));
            row.forEach(r -> t = new Tables(t.webhooks, t.deliveries.put(key, to.apply(r))));
            return row.isDefined();
        });
    }

    private static Tuple2<String, String> key(Row row) {
        return new Tuple2<>(row.delivery.webhook().id(), row.delivery.event().id());
    }

    @Override
    public Object snapshot() {
        return t;
    }

    @Override
    public void restore(Object snapshot) {
        t = (Tables) snapshot;
    }
}
