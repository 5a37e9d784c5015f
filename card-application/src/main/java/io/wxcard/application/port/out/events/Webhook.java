package io.wxcard.application.port.out.events;

import io.wxcard.domain.tenant.TenantId;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Where a tenant wants its events posted, and which ones.
 *
 * @param secret the HMAC key of the {@code Wxcard-Signature} header: shown once, when the webhook is made; never logged
 */
public record Webhook(String id, TenantId tenantId, URI url, Set<EventType> types, String secret, Instant createdAt) {
    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenant");
        Objects.requireNonNull(url, "url");
        types = Set.copyOf(types);
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "created at");
    }

    public boolean wants(EventType type) {
        return types.contains(type);
    }

    @Override
    public String toString() {
        return "Webhook[" + id + " " + url + "]";
    }
}
