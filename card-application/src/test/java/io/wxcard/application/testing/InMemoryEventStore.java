package io.wxcard.application.testing;

import io.vavr.collection.Vector;
import io.vavr.control.Option;
import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.application.port.out.store.EventStore;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** {@link EventStore} in memory: the events in the order appended, placed ones first. */
final class InMemoryEventStore implements EventStore, InMemoryStores.Snapshottable {

    private final InMemoryStores db;
    private State state = new State(Vector.empty(), Vector.empty(), 0);

    private record State(Vector<MerchantEvent> placed, Vector<MerchantEvent> waiting, long last) {}

    InMemoryEventStore(InMemoryStores db) {
        this.db = db;
    }

    @Override
    public void append(MerchantEvent event) {
        db.locked(() -> state = new State(state.placed, state.waiting.append(event.placedAt(0)), state.last));
    }

    @Override
    public List<MerchantEvent> place(int limit, Consumer<List<MerchantEvent>> whilePlacing) {
        return db.transactions().inTransaction(() -> {
            Vector<MerchantEvent> taken = state.waiting.take(limit);
            long position = state.last;
            Vector<MerchantEvent> placed = Vector.empty();
            for (MerchantEvent event : taken) {
                placed = placed.append(event.placedAt(++position));
            }
            state = new State(state.placed.appendAll(placed), state.waiting.drop(limit), position);
            List<MerchantEvent> answer = placed.toJavaList();
            if (!answer.isEmpty()) {
                whilePlacing.accept(answer);
            }
            return answer;
        });
    }

    @Override
    public List<MerchantEvent> after(Option<TenantId> tenant, long position, int limit) {
        return db.locked(() -> state.placed.filter(e -> e.position() > position)
                .filter(e -> tenant.forAll(e.tenantId()::equals)).take(limit).toJavaList());
    }

    @Override
    public long lastPosition() {
        return db.locked(() -> state.last);
    }

    @Override
    public int forgetPlacedBefore(Instant cutoff) {
        return db.locked(() -> {
            Vector<MerchantEvent> kept = state.placed.filter(e -> !e.occurredAt().isBefore(cutoff));
            int forgotten = state.placed.size() - kept.size();
            state = new State(kept, state.waiting, state.last);
            return forgotten;
        });
    }

    @Override
    public Object snapshot() {
        return state;
    }

    @Override
    public void restore(Object snapshot) {
        state = (State) snapshot;
    }
}
