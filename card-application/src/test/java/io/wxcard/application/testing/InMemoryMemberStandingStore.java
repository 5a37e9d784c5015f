package io.wxcard.application.testing;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.MemberStandingStore;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.loyalty.LevelChange;
import io.wxcard.domain.loyalty.MemberStanding;
import io.wxcard.domain.loyalty.Purchase;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/** {@link MemberStandingStore} in memory. */
final class InMemoryMemberStandingStore implements MemberStandingStore, InMemoryStores.Snapshottable {

    private record Tables(Map<MembershipKey, MemberStanding> levels,
                          Map<Tuple2<MembershipKey, IdempotencyKey>, Purchase> purchases,
                          Vector<LevelChange> changes) {}

    private final InMemoryStores db;
    private Tables t = new Tables(LinkedHashMap.empty(), LinkedHashMap.empty(), Vector.empty());

    InMemoryMemberStandingStore(InMemoryStores db) {
        this.db = db;
    }

    @Override
    public Option<MemberStanding> find(MembershipKey membership) {
        return db.locked(() -> {
            Fen spent = Fen.of(t.purchases.values().filter(p -> p.membership().equals(membership))
                    .map(p -> p.amount().value()).sum().longValue());
            Option<MemberStanding> level = t.levels.get(membership);
            if (level.isEmpty() && spent.value() == 0) {
                return Option.none();
            }
            return Option.of(new MemberStanding(membership, level.flatMap(MemberStanding::level), spent,
                    level.map(MemberStanding::since).getOrElse(() -> t.purchases.values()
                            .filter(p -> p.membership().equals(membership)).map(Purchase::at).min().get())));
        });
    }

    @Override
    public void saveLevel(MemberStanding standing) {
        db.locked(() -> t = new Tables(t.levels.put(standing.membership(), standing), t.purchases, t.changes));
    }

    @Override
    public List<MemberStanding> withLevel(TenantId tenantId, CardId cardId) {
        List<MembershipKey> keys = db.locked(() -> t.levels.values()
                .filter(s -> s.level().isDefined() && s.membership().tenantId().equals(tenantId)
                        && s.membership().cardId().equals(cardId))
                .map(MemberStanding::membership).toJavaList());
        return keys.stream().map(key -> find(key).get()).toList();
    }

    @Override
    public boolean recordPurchase(Purchase purchase) {
        return db.locked(() -> {
            var key = Tuple.of(purchase.membership(), purchase.key());
            if (t.purchases.containsKey(key)) {
                return false;
            }
            t = new Tables(t.levels, t.purchases.put(key, purchase), t.changes);
            return true;
        });
    }

    @Override
    public Option<Purchase> purchase(MembershipKey membership, IdempotencyKey key) {
        return db.locked(() -> t.purchases.get(Tuple.of(membership, key)));
    }

    @Override
    public void appendLevelChange(LevelChange change) {
        db.locked(() -> t = new Tables(t.levels, t.purchases, t.changes.append(change)));
    }

    @Override
    public List<LevelChange> levelChanges(MembershipKey membership) {
        return db.locked(() -> t.changes.filter(c -> c.membership().equals(membership)).toJavaList());
    }

    @Override
    public Object snapshot() {
        return t;
    }

    @Override
    public void restore(Object snapshot) {
        t = (Tables) snapshot;
    }
}
