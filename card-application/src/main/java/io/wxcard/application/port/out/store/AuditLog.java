package io.wxcard.application.port.out.store;

import io.wxcard.domain.tenant.TenantId;

/** The append-only record of what operators changed. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** A tenant's entries, newest first. */
    Page<AuditEntry> recent(TenantId tenantId, PageRequest page);
}
