package io.wxcard.application.testing;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipSnapshot;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.util.Comparator;

/** {@link MembershipStore} in memory. */
final class InMemoryMembershipStore implements MembershipStore, InMemoryStores.Snapshottable {

    private final InMemoryStores db;
    private Map<MembershipKey, Membership> memberships = HashMap.empty();

    InMemoryMembershipStore(InMemoryStores db) {
        this.db = db;
    }

    @Override
    public Option<Membership> find(MembershipKey key) {
        return db.locked(() -> memberships.get(key));
    }

    @Override
    public Option<Membership> findByOpenId(TenantId tenantId, CardId cardId, OpenId openId) {
        return db.locked(() -> memberships.values()
                .filter(m -> m.tenantId().equals(tenantId) && m.cardId().equals(cardId) && m.openId().equals(openId))
                .maxBy(Comparator.comparing((Membership m) -> m.snapshot().receivedAt())));
    }

    @Override
    public Membership save(Membership membership) {
        return db.locked(() -> {
            Option<Membership> stored = memberships.get(membership.key());
            if (membership.version() == 0 && stored.isDefined()) {
                throw new ConcurrentUpdateException("membership " + membership.key() + " already exists");
            }
            if (membership.version() > 0 && !stored.exists(s -> s.version() == membership.version())) {
                throw new ConcurrentUpdateException("membership " + membership.key()
                        + " was changed by someone else (version " + membership.version() + " is stale)");
            }
            MembershipSnapshot s = membership.snapshot();
            Membership saved = Membership.reconstitute(s.toBuilder().version(s.version() + 1).build());
            memberships = memberships.put(membership.key(), saved);
            return saved;
        });
    }

    /** Writes only the totals and their time onto the stored membership, as a store that skips the rest would. */
    @Override
    public Membership saveTotals(Membership membership) {
        return db.locked(() -> {
            Option<Membership> stored = memberships.get(membership.key());
            if (membership.version() == 0 || !stored.exists(s -> s.version() == membership.version())) {
                throw new ConcurrentUpdateException("membership " + membership.key()
                        + " was changed by someone else (version " + membership.version() + " is stale) or is not "
                        + "stored");
            }
            MembershipSnapshot changed = membership.snapshot();
            Membership saved = Membership.reconstitute(stored.get().snapshot().toBuilder()
                    .totals(changed.totals())
                    .updatedAt(changed.updatedAt())
                    .version(changed.version() + 1)
                    .build());
            memberships = memberships.put(membership.key(), saved);
            return saved;
        });
    }

    @Override
    public Page<Membership> list(TenantId tenantId, CardId cardId, Option<MembershipState> state, PageRequest page) {
        return db.locked(() -> {
            var matching = memberships.values()
                    .filter(m -> m.tenantId().equals(tenantId) && m.cardId().equals(cardId)
                            && state.forAll(wanted -> m.state() == wanted))
                    .toJavaList();
            matching.sort(Comparator.comparing((Membership m) -> m.snapshot().receivedAt())
                    .thenComparing(m -> m.code().value()));
            return InMemoryPaging.page(matching, page);
        });
    }

    /** Every membership (the caller holds the lock). */
    java.util.stream.Stream<Membership> all() {
        return memberships.values().toJavaStream();
    }

    @Override
    public Object snapshot() {
        return memberships;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        memberships = (Map<MembershipKey, Membership>) snapshot;
    }
}
