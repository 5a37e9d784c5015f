package io.wxcard.application.port.out.store;

import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One change an operator made: who, when, what (an action and its subject), and the state before and after, as short
 * texts a person reads. Never holds a secret or a member's personal data.
 */
public record AuditEntry(String id, TenantId tenantId, Instant at, String operator, String action, String subject,
                         String before, String after) {
    public static final int MAX_TEXT = 1000;

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(action, "action");
        subject = clip(subject);
        before = clip(before);
        after = clip(after);
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
