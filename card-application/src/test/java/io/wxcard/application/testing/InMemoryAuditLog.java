package io.wxcard.application.testing;

import io.vavr.collection.List;
import io.wxcard.application.port.out.store.AuditEntry;
import io.wxcard.application.port.out.store.AuditLog;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.tenant.TenantId;
import java.util.Comparator;

/**
 * {@link AuditLog} in memory. The one {@link InMemoryStores#auditLog()} holds is part of its transactions (an entry
 * written in work that fails is undone with the work); one made on its own is not.
 */
public final class InMemoryAuditLog implements AuditLog, InMemoryStores.Snapshottable {

    /** Oldest first; a persistent list, so a transaction's snapshot is the reference. */
    private List<AuditEntry> entries = List.empty();

    @Override
    public synchronized void append(AuditEntry entry) {
        entries = entries.append(entry);
    }

    @Override
    public synchronized Page<AuditEntry> recent(TenantId tenantId, PageRequest page) {
        java.util.List<AuditEntry> mine = entries.reverse().filter(e -> e.tenantId().equals(tenantId)).toJavaList();
        mine.sort(Comparator.comparing(AuditEntry::at).reversed()); // stable: equal instants stay newest first
        java.util.List<AuditEntry> items = mine.stream().skip(page.offset()).limit(page.limit()).toList();
        return new Page<>(items, mine.size(), page);
    }

    @Override
    public synchronized Object snapshot() {
        return entries;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        entries = (List<AuditEntry>) snapshot;
    }
}
