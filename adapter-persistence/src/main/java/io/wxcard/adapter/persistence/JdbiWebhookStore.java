package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.events.EventType;
import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.application.port.out.events.Webhook;
import io.wxcard.application.port.out.events.WebhookDelivery;
import io.wxcard.application.port.out.store.WebhookStore;
import io.wxcard.domain.tenant.TenantId;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link WebhookStore} on {@code webhooks} and {@code webhook_deliveries}. A claim reads the due heads (the oldest
 * pending delivery of each webhook and membership) and takes each with a conditional update that only one claimer
 * can win, so it needs no {@code SKIP LOCKED} and holds no lock while the posts run.
 */
final class JdbiWebhookStore implements WebhookStore {

    private static final String WEBHOOK_COLUMNS = "w.id AS w_id, w.tenant_id AS w_tenant_id, w.url AS w_url, "
            + "w.event_types AS w_event_types, w.secret AS w_secret, w.created_at AS w_created_at";
    private static final String DELIVERY_SELECT = "SELECT " + WEBHOOK_COLUMNS + ", d.state, d.owed_at, d.attempts, "
            + "d.not_before, d.last_error, e.id, e.tenant_id, e.event_type, e.order_key, e.occurred_at, e.payload, "
            + "e.position_no FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id "
            + "JOIN events e ON e.id = d.event_id ";
    private static final String NOT_LEASED = "(lease_until IS NULL OR lease_until < :now)";

    private final Sql sql;

    JdbiWebhookStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(Webhook webhook) {
        sql.withHandle(() -> "saving webhook " + webhook.id(), handle -> handle
                .createUpdate("INSERT INTO webhooks (id, tenant_id, url, event_types, secret, created_at) "
                        + "VALUES (:id, :tenantId, :url, :types, :secret, :createdAt)")
                .bind("id", webhook.id())
                .bind("tenantId", webhook.tenantId().value())
                .bind("url", webhook.url().toString())
                .bind("types", webhook.types().stream().map(EventType::wireName).sorted()
                        .collect(Collectors.joining(",")))
                .bind("secret", webhook.secret())
                .bind("createdAt", webhook.createdAt())
                .execute());
    }

    @Override
    public List<Webhook> list(TenantId tenantId) {
        return sql.withHandle(() -> "listing webhooks", handle -> handle
                .createQuery("SELECT " + WEBHOOK_COLUMNS + " FROM webhooks w WHERE w.tenant_id = :tenantId "
                        + "ORDER BY w.created_at, w.id")
                .bind("tenantId", tenantId.value())
                .map(JdbiWebhookStore::webhook)
                .list());
    }

    @Override
    public List<Webhook> all() {
        return sql.withHandle(() -> "listing webhooks", handle -> handle
                .createQuery("SELECT " + WEBHOOK_COLUMNS + " FROM webhooks w ORDER BY w.created_at, w.id")
                .map(JdbiWebhookStore::webhook)
                .list());
    }

    @Override
    public boolean delete(TenantId tenantId, String webhookId) {
        return sql.inTransaction(() -> "deleting webhook " + webhookId, handle -> {
            int deleted = handle.createUpdate("DELETE FROM webhooks WHERE id = :id AND tenant_id = :tenantId")
                    .bind("id", webhookId).bind("tenantId", tenantId.value()).execute();
            if (deleted == 1) {
                handle.createUpdate("DELETE FROM webhook_deliveries WHERE webhook_id = :id")
                        .bind("id", webhookId).execute();
            }
            return deleted == 1;
        });
    }

    @Override
    public void owe(Webhook webhook, List<MerchantEvent> events, Instant now) {
        sql.withHandle(() -> "owing " + events.size() + " events to webhook " + webhook.id(), handle -> {
            // Placing owes each event once, one placer at a time; the read only keeps a repeat harmless.
            Set<String> owed = new java.util.HashSet<>(handle.createQuery("SELECT event_id FROM webhook_deliveries "
                            + "WHERE webhook_id = :webhookId AND event_id IN (<ids>)")
                    .bind("webhookId", webhook.id())
                    .bindList("ids", events.stream().map(MerchantEvent::id).toList())
                    .mapTo(String.class).list());
            PreparedBatch insert = handle.prepareBatch("INSERT INTO webhook_deliveries (webhook_id, event_id, "
                    + "tenant_id, order_key, position_no, state, owed_at, attempts, not_before) VALUES (:webhookId, "
                    + ":eventId, :tenantId, :orderKey, :position, 'PENDING', :now, 0, :now)");
            for (MerchantEvent event : events) {
                if (owed.add(event.id())) {
                    insert.bind("webhookId", webhook.id()).bind("eventId", event.id())
                            .bind("tenantId", event.tenantId().value()).bind("orderKey", event.orderKey())
                            .bind("position", event.position()).bind("now", now).add();
                }
            }
            return insert.size() == 0 ? new int[0] : insert.execute();
        });
    }

    @Override
    public List<WebhookDelivery> claim(String claimer, int limit, Instant now, Duration lease) {
        return sql.withHandle(() -> "claiming webhook deliveries", handle -> {
            List<WebhookDelivery> heads = handle.createQuery(DELIVERY_SELECT
                            + "WHERE d.state = 'PENDING' AND d.not_before <= :now AND (d.lease_until IS NULL OR "
                            + "d.lease_until < :now) AND NOT EXISTS (SELECT 1 FROM webhook_deliveries o WHERE "
                            + "o.webhook_id = d.webhook_id AND o.order_key = d.order_key AND o.state = 'PENDING' "
                            + "AND o.position_no < d.position_no) ORDER BY d.position_no LIMIT :limit")
                    .bind("now", now)
                    .bind("limit", limit)
                    .map(JdbiWebhookStore::delivery)
                    .list();
            if (heads.isEmpty()) {
                return heads;
            }
            // One round trip for the lot: each conditional update wins its row or finds it taken.
            PreparedBatch take = handle.prepareBatch("UPDATE webhook_deliveries SET claimed_by = :claimer, "
                    + "lease_until = :until WHERE webhook_id = :webhookId AND event_id = :eventId "
                    + "AND state = 'PENDING' AND " + NOT_LEASED);
            for (WebhookDelivery head : heads) {
                take.bind("claimer", claimer).bind("until", now.plus(lease)).bind("now", now)
                        .bind("webhookId", head.webhook().id()).bind("eventId", head.event().id()).add();
            }
            int[] won = take.execute();
            if (java.util.Arrays.stream(won).anyMatch(count -> count < 0)) {
                // A driver that answers "done, count unknown" for a batch: read back which rows are ours.
                Set<String> ours = new java.util.HashSet<>(handle.createQuery("SELECT webhook_id, event_id FROM "
                                + "webhook_deliveries WHERE claimed_by = :claimer AND lease_until = :until")
                        .bind("claimer", claimer).bind("until", now.plus(lease))
                        .map((rs, context) -> rs.getString("webhook_id") + "/" + rs.getString("event_id")).list());
                return heads.stream().filter(head -> ours.contains(head.webhook().id() + "/" + head.event().id()))
                        .toList();
            }
            List<WebhookDelivery> claimed = new ArrayList<>(heads.size());
            for (int i = 0; i < heads.size(); i++) {
                if (won[i] == 1) {
                    claimed.add(heads.get(i));
                }
            }
            return claimed;
        });
    }

    @Override
    public boolean delivered(String webhookId, String eventId, String claimer, Instant now) {
        return settle(webhookId, eventId, claimer, "state = 'DELIVERED'", null, null);
    }

    @Override
    public boolean retryLater(String webhookId, String eventId, String claimer, Instant notBefore, String error) {
        return settle(webhookId, eventId, claimer, "attempts = attempts + 1, not_before = :notBefore, "
                + "last_error = :error", notBefore, error);
    }

    @Override
    public boolean dead(String webhookId, String eventId, String claimer, String error) {
        return settle(webhookId, eventId, claimer, "state = 'DEAD', attempts = attempts + 1, last_error = :error",
                null, error);
    }

    private boolean settle(String webhookId, String eventId, String claimer, String set, Instant notBefore,
                           String error) {
        return sql.withHandle(() -> "settling a webhook delivery", handle -> {
            var update = handle.createUpdate("UPDATE webhook_deliveries SET " + set + ", claimed_by = NULL, "
                            + "lease_until = NULL WHERE webhook_id = :webhookId AND event_id = :eventId "
                            + "AND claimed_by = :claimer")
                    .bind("webhookId", webhookId)
                    .bind("eventId", eventId)
                    .bind("claimer", claimer);
            if (notBefore != null) {
                update.bind("notBefore", notBefore);
            }
            if (error != null) {
                update.bind("error", error.length() > 2000 ? error.substring(0, 2000) : error);
            }
            return update.execute() == 1;
        });
    }

    @Override
    public List<WebhookDelivery> dead(TenantId tenantId, int limit) {
        return sql.withHandle(() -> "listing dead webhook deliveries", handle -> handle
                .createQuery(DELIVERY_SELECT + "WHERE d.tenant_id = :tenantId AND d.state = 'DEAD' "
                        + "ORDER BY d.position_no LIMIT :limit")
                .bind("tenantId", tenantId.value())
                .bind("limit", limit)
                .map(JdbiWebhookStore::delivery)
                .list());
    }

    @Override
    public boolean redeliver(TenantId tenantId, String webhookId, String eventId, Instant now) {
        return sql.withHandle(() -> "redelivering a webhook delivery", handle -> handle
                .createUpdate("UPDATE webhook_deliveries SET state = 'PENDING', attempts = 0, owed_at = :now, "
                        + "not_before = :now, claimed_by = NULL, lease_until = NULL WHERE webhook_id = :webhookId "
                        + "AND event_id = :eventId AND tenant_id = :tenantId AND state = 'DEAD'")
                .bind("now", now)
                .bind("webhookId", webhookId)
                .bind("eventId", eventId)
                .bind("tenantId", tenantId.value())
                .execute() == 1);
    }

    @Override
    public Option<WebhookDelivery> find(String webhookId, String eventId) {
        return sql.withHandle(() -> "reading a webhook delivery", handle -> Option.ofOptional(handle
                .createQuery(DELIVERY_SELECT + "WHERE d.webhook_id = :webhookId AND d.event_id = :eventId")
                .bind("webhookId", webhookId)
                .bind("eventId", eventId)
                .map(JdbiWebhookStore::delivery)
                .findOne()));
    }

    private static Webhook webhook(ResultSet rs, StatementContext context) throws SQLException {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Arrays.stream(rs.getString("w_event_types").split(",")).filter(name -> !name.isEmpty())
                .forEach(name -> EventType.ofWireName(name).forEach(types::add));
        return new Webhook(rs.getString("w_id"), new TenantId(rs.getString("w_tenant_id")),
                URI.create(rs.getString("w_url")), types, rs.getString("w_secret"),
                UtcInstants.read(rs, "w_created_at"));
    }

    private static WebhookDelivery delivery(ResultSet rs, StatementContext context) throws SQLException {
        return new WebhookDelivery(webhook(rs, context), JdbiEventStore.read(rs, context),
                WebhookDelivery.State.valueOf(rs.getString("state")), UtcInstants.read(rs, "owed_at"),
                rs.getInt("attempts"), UtcInstants.read(rs, "not_before"), Option.of(rs.getString("last_error")));
    }
}
