package io.wxcard.application.service;

import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.domain.card.CardEvent;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.membership.MembershipEvent;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides from what an aggregate says happened which outbox tasks bring WeChat in line, and enqueues them in the
 * caller's transaction. Events that WeChat does not need to hear of (it told us, or it already knows) enqueue nothing.
 */
final class OutboxWriter {

    private final OutboxStore outbox;
    private final IdGenerator ids;
    private final Clock clock;

    OutboxWriter(OutboxStore outbox, IdGenerator ids, Clock clock) {
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    void membershipChanged(TenantId tenantId, List<MembershipEvent> events) {
        tasksFor(tenantId, events).forEach(this::enqueue);
    }

    /** {@link #membershipChanged} for many events at once: their tasks go to the outbox in one round trip. */
    void membershipsChanged(TenantId tenantId, List<MembershipEvent> events) {
        List<OutboxStore.NewTask> tasks = new ArrayList<>();
        tasksFor(tenantId, events).forEach(task -> tasks.add(new OutboxStore.NewTask(ids.newId("ob"), task)));
        if (!tasks.isEmpty()) {
            outbox.enqueueAll(tasks, clock.now());
        }
    }

    private static List<OutboxTask> tasksFor(TenantId tenantId, List<MembershipEvent> events) {
        List<OutboxTask> tasks = new ArrayList<>();
        events.forEach(event -> {
            if (event instanceof MembershipEvent.LedgerEntryRecorded recorded
                    && recorded.entry().source() != EntrySource.WECHAT) {
                // A change WeChat reported is never sent back: it is already there, and sending it would be echoed
                // back as another change (issue 14 item 2). WeChat gets the ledger's totals as they are when the task runs (see OutboxDispatcher).
                tasks.add(new OutboxTask.SyncMemberTotals(tenantId, recorded.cardId(), recorded.code(),
                        recorded.entry().sequence()));
            } else if (event instanceof MembershipEvent.MembershipInvalidated invalidated) {
                tasks.add(new OutboxTask.InvalidateOnWechat(tenantId, invalidated.cardId(), invalidated.code(),
                        invalidated.reason()));
            }
        });
        return tasks;
    }

    void cardChanged(TenantId tenantId, List<CardEvent> events) {
        events.forEach(event -> {
            if (event instanceof CardEvent.CardDeleted deleted) {
                deleted.wechatCardId().forEach(wechatCardId -> enqueue(
                        new OutboxTask.DeleteCardOnWechat(tenantId, deleted.cardId(), wechatCardId)));
            }
        });
    }

    /** Sends a membership's totals again, telling the member nothing (WeChat missed changes the ledger confirmed). */
    void resync(MembershipKey key) {
        enqueue(new OutboxTask.SyncMemberTotals(key.tenantId(), key.cardId(), key.code(), 0));
    }

    /** A task no event asks for (reading what WeChat holds, cleaning up after a race). */
    void enqueue(OutboxTask task) {
        outbox.enqueue(ids.newId("ob"), task, clock.now());
    }
}
