package io.wxcard.application.service;

import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.domain.card.CardEvent;
import io.wxcard.domain.membership.MembershipEvent;
import io.wxcard.domain.tenant.TenantId;
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
        events.forEach(event -> {
            if (event instanceof MembershipEvent.LedgerEntryRecorded recorded) {
                // WeChat gets the ledger's totals as they are when the task runs (see OutboxDispatcher).
                enqueue(new OutboxTask.SyncMemberTotals(tenantId, recorded.cardId(), recorded.code(),
                        recorded.entry().sequence()));
            } else if (event instanceof MembershipEvent.MembershipInvalidated invalidated) {
                enqueue(new OutboxTask.InvalidateOnWechat(tenantId, invalidated.cardId(), invalidated.code(),
                        invalidated.reason()));
            }
        });
    }

    void cardChanged(TenantId tenantId, List<CardEvent> events) {
        events.forEach(event -> {
            if (event instanceof CardEvent.CardDeleted deleted) {
                deleted.wechatCardId().forEach(wechatCardId -> enqueue(
                        new OutboxTask.DeleteCardOnWechat(tenantId, deleted.cardId(), wechatCardId)));
            }
        });
    }

    /** A task no event asks for (reading what WeChat holds, cleaning up after a race). */
    void enqueue(OutboxTask task) {
        outbox.enqueue(ids.newId("ob"), task, clock.now());
    }
}
