package io.wxcard.application.testing;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.LoyaltyProgramStore;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.loyalty.LoyaltyProgram;
import io.wxcard.domain.tenant.TenantId;

/** {@link LoyaltyProgramStore} in memory. */
final class InMemoryLoyaltyProgramStore implements LoyaltyProgramStore, InMemoryStores.Snapshottable {

    private final InMemoryStores db;
    private Map<Tuple2<TenantId, CardId>, LoyaltyProgram> programs = HashMap.empty();

    InMemoryLoyaltyProgramStore(InMemoryStores db) {
        this.db = db;
    }

    @Override
    public Option<LoyaltyProgram> find(TenantId tenantId, CardId cardId) {
        return db.locked(() -> programs.get(Tuple.of(tenantId, cardId)));
    }

    @Override
    public void save(LoyaltyProgram program) {
        db.locked(() -> programs = programs.put(Tuple.of(program.tenantId(), program.cardId()), program));
    }

    @Override
    public Object snapshot() {
        return programs;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        programs = (Map<Tuple2<TenantId, CardId>, LoyaltyProgram>) snapshot;
    }
}
