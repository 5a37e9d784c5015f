package io.wxcard.application.port.in;

import io.wxcard.application.port.out.store.OutboxMessage;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;

/** Lets an operator see the outbox tasks that failed for good, and send one again. */
public interface ManageDeadLettersUseCase {

    Page<OutboxMessage> deadLetters(PageRequest page);

    /** @return false when there is no dead letter with this id */
    boolean retry(String outboxId);
}
