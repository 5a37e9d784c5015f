package io.wxcard.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.store.AuditEntry;
import io.wxcard.application.port.out.store.AuditLog;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} must do. */
public abstract class AuditLogContract {

    protected abstract AuditLog audit();

    private AuditLog audit;

    @BeforeEach
    void setUpStore() {
        audit = audit();
    }

    private static AuditEntry entry(TenantId tenant, int minute, String action) {
        return new AuditEntry("audit-" + UUID.randomUUID(), tenant, Fixtures.T0.plus(Duration.ofMinutes(minute)),
                "alice", action, "card c-1", "title 旧的", "title 新的 ✓");
    }

    @Test
    void keeps_every_field_and_answers_the_newest_first() {
        TenantId tenant = Fixtures.uniqueTenantId();
        AuditEntry first = entry(tenant, 1, "card.draft");
        AuditEntry second = entry(tenant, 2, "card.submit");
        AuditEntry third = entry(tenant, 3, "ledger.change");
        audit.append(first);
        audit.append(second);
        audit.append(third);

        Page<AuditEntry> page = audit.recent(tenant, PageRequest.first(2));

        assertThat(page.items()).containsExactly(third, second);
        assertThat(page.total()).isEqualTo(3);
        assertThat(audit.recent(tenant, new PageRequest(2, 2)).items()).containsExactly(first);
    }

    @Test
    void keeps_tenants_apart() {
        TenantId one = Fixtures.uniqueTenantId();
        TenantId other = Fixtures.uniqueTenantId();
        audit.append(entry(one, 1, "card.draft"));

        assertThat(audit.recent(other, PageRequest.first(10)).items()).isEmpty();
        assertThat(audit.recent(one, PageRequest.first(10)).total()).isEqualTo(1);
    }
}
