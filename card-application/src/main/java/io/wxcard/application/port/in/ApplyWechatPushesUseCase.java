package io.wxcard.application.port.in;

import io.wxcard.application.port.out.store.InboxMessage;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;

/** Applies the pushes kept in the inbox; run in a loop by every instance. Dead rows are listed and revived here. */
public interface ApplyWechatPushesUseCase {

    /** Claims up to {@code limit} due pushes and applies them. */
    ApplyReport applyDue(int limit);

    /** Pushes set aside after failing technically too often, oldest first. */
    Page<InboxMessage> deadPushes(PageRequest page);

    /** Offers a dead push again; false when there is no dead push with this id. */
    boolean retryPush(String inboxId);

    /**
     * @param refused not acted on for a business reason; {@code retried}: failed for now, offered again later;
     *                {@code dead}: failed too often
     */
    record ApplyReport(int claimed, int applied, int refused, int retried, int dead) {}
}
