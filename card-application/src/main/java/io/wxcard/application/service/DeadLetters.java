package io.wxcard.application.service;

import io.wxcard.application.port.in.ManageDeadLettersUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.OutboxMessage;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/** The outbox's tasks set aside after their last attempt: listed, sent again, and the backlog they sit in. */
final class DeadLetters implements ManageDeadLettersUseCase {

    private final OutboxStore outbox;
    private final Clock clock;

    DeadLetters(OutboxStore outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Page<OutboxMessage> deadLetters(PageRequest page) {
        return outbox.deadLetters(page);
    }

    @Override
    public boolean retry(String outboxId) {
        return outbox.revive(outboxId, clock.now());
    }

    @Override
    public List<OutboxMessage> deadLetters(TenantId tenantId) {
        return outbox.deadLetters(PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .filter(letter -> letter.task().tenantId().equals(tenantId)).toList();
    }

    @Override
    public boolean retry(TenantId tenantId, String outboxId) {
        return deadLetters(tenantId).stream().anyMatch(letter -> letter.id().equals(outboxId)) && retry(outboxId);
    }

    @Override
    public OutboxStore.OutboxStats backlog() {
        return outbox.stats(clock.now());
    }
}
