package io.wxcard.application.port.out.store;

import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/** Someone looked at an import's failed rows: a campaign on its card no longer waits for them. */
public record ImportReview(TenantId tenantId, ImportJobId jobId, Reason note, Instant reviewedAt) {
    public ImportReview {
        Objects.requireNonNull(tenantId, "tenant");
        Objects.requireNonNull(jobId, "import");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(reviewedAt, "reviewed at");
    }
}
