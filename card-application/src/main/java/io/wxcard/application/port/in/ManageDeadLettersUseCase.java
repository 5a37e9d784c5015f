package io.wxcard.application.port.in;

import io.wxcard.application.port.out.store.OutboxMessage;
import io.wxcard.application.port.out.store.OutboxStore.OutboxStats;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/** Lets an operator see the outbox tasks that failed for good, and send one again. */
public interface ManageDeadLettersUseCase {

    /** Every tenant's: for the service's own operators (the metrics, the command line). */
    Page<OutboxMessage> deadLetters(PageRequest page);

    /** @return false when there is no dead letter with this id */
    boolean retry(String outboxId);

    /**
     * One tenant's dead letters, oldest first, among the first {@link PageRequest#MAX_LIMIT} of all tenants' (a
     * healthy service holds a handful): what a tenant's operator sees, never another tenant's.
     */
    List<OutboxMessage> deadLetters(TenantId tenantId);

    /** Sends one of the tenant's dead letters again; false when the tenant has none with this id. */
    boolean retry(TenantId tenantId, String outboxId);

    /** How many tasks wait, how many are dead, and how long the oldest waiting one has waited. */
    OutboxStats backlog();
}
