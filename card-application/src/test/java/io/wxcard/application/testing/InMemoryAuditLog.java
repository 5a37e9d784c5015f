package io.wxcard.application.testing;

import io.wxcard.application.port.out.store.AuditEntry;
import io.wxcard.application.port.out.store.AuditLog;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@link AuditLog} in memory. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized Page<AuditEntry> recent(TenantId tenantId, PageRequest page) {
        List<AuditEntry> mine = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).tenantId().equals(tenantId)) {
                mine.add(entries.get(i));
            }
        }
        mine.sort(Comparator.comparing(AuditEntry::at).reversed()); // stable: equal instants stay newest first
        List<AuditEntry> items = mine.stream().skip(page.offset()).limit(page.limit()).toList();
        return new Page<>(items, mine.size(), page);
    }
}
