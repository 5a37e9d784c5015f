package io.wxcard.application.testing;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.CardStatisticsStore;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.store.StoreStore;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.membership.ActivationMethod;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.segment.MemberFacts;
import io.wxcard.domain.statistics.OurFigures;
import io.wxcard.domain.statistics.WechatDailyFigures;
import io.wxcard.domain.store.Store;
import io.wxcard.domain.store.StoreVisit;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link CardStatisticsStore} in memory: WeChat's figures in a map; our own read through the membership, ledger and
 * store ports it is given, so that it counts whatever those hold.
 */
public final class InMemoryCardStatisticsStore implements CardStatisticsStore {

    private final Map<String, WechatDailyFigures> wechat = new TreeMap<>();
    private final java.util.Set<String> dailyPulls = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final MembershipStore memberships;
    private final LedgerStore ledger;
    private final StoreStore stores;

    public InMemoryCardStatisticsStore(MembershipStore memberships, LedgerStore ledger, StoreStore stores) {
        this.memberships = memberships;
        this.ledger = ledger;
        this.stores = stores;
    }

    private static String key(TenantId tenantId, WechatDailyFigures figures) {
        return tenantId.value() + "|" + figures.scope() + "|" + figures.cardId().map(WechatCardId::value).getOrElse("-")
                + "|" + figures.day();
    }

    @Override
    public synchronized void saveWechatFigures(TenantId tenantId, List<WechatDailyFigures> figures) {
        figures.forEach(day -> wechat.put(key(tenantId, day), day));
    }

    @Override
    public synchronized List<WechatDailyFigures> wechatFigures(TenantId tenantId, WechatDailyFigures.Scope scope,
                                                               Option<WechatCardId> cardId, LocalDate from,
                                                               LocalDate to) {
        String prefix = tenantId.value() + "|" + scope + "|" + cardId.map(WechatCardId::value).getOrElse("-") + "|";
        return wechat.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                .map(Map.Entry::getValue)
                .filter(day -> !day.day().isBefore(from) && !day.day().isAfter(to))
                .sorted(Comparator.comparing(WechatDailyFigures::day)).toList();
    }

    @Override
    public List<OurFigures.Received> receipts(TenantId tenantId, CardId cardId, Instant from, Instant until) {
        return all(tenantId, cardId).stream().map(Membership::snapshot)
                .filter(m -> within(m.receivedAt(), from, until) || m.activatedAt().exists(at -> within(at, from, until)))
                .map(m -> new OurFigures.Received(m.code().value(), m.outerStr(), m.receivedAt(), m.activatedAt()))
                .toList();
    }

    @Override
    public List<OurFigures.Movement> movements(TenantId tenantId, CardId cardId, Instant from, Instant until) {
        List<OurFigures.Movement> found = new ArrayList<>();
        for (Membership membership : all(tenantId, cardId)) {
            for (LedgerEntry entry : entries(membership)) {
                if (within(entry.recordedAt(), from, until)) {
                    found.add(new OurFigures.Movement(membership.code().value(), entry.asset(), entry.delta(),
                            entry.recordedAt(), entry.source()));
                }
            }
        }
        return found;
    }

    @Override
    public boolean claimDailyPull(TenantId tenantId, LocalDate day, Instant at) {
        return dailyPulls.add(tenantId.value() + "/" + day);
    }

    @Override
    public void releaseDailyPull(TenantId tenantId, LocalDate day) {
        dailyPulls.remove(tenantId.value() + "/" + day);
    }

    @Override
    public List<MemberFacts> memberFacts(TenantId tenantId, CardId cardId) {
        List<StoreVisit> visits = stores.visits(tenantId, cardId, Instant.EPOCH, Instant.MAX);
        return all(tenantId, cardId).stream()
                .filter(m -> m.state() == MembershipState.ISSUED || m.state() == MembershipState.ACTIVATED)
                .map(m -> {
                    Option<Instant> lastEntry = Option.ofOptional(entries(m).stream().map(LedgerEntry::recordedAt)
                            .max(Comparator.naturalOrder()));
                    Option<Instant> lastVisit = Option.ofOptional(visits.stream()
                            .filter(visit -> visit.code().equals(m.code())).map(StoreVisit::at)
                            .max(Comparator.naturalOrder()));
                    Option<Instant> last = lastEntry.isEmpty() ? lastVisit : lastVisit.isEmpty() ? lastEntry
                            : Option.of(lastEntry.get().isAfter(lastVisit.get()) ? lastEntry.get() : lastVisit.get());
                    return new MemberFacts(m.code(), m.openId(), m.totals().points().value(),
                            m.snapshot().outerStr().flatMap(Store::named), last,
                            m.snapshot().activationMethod().contains(ActivationMethod.IMPORT), Option.none());
                }).toList();
    }

    private List<Membership> all(TenantId tenantId, CardId cardId) {
        List<Membership> found = new ArrayList<>();
        int offset = 0;
        while (true) {
            var page = memberships.list(tenantId, cardId, Option.none(), new PageRequest(offset, PageRequest.MAX_LIMIT));
            found.addAll(page.items());
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return found;
            }
        }
    }

    private List<LedgerEntry> entries(Membership membership) {
        List<LedgerEntry> found = new ArrayList<>();
        int offset = 0;
        while (true) {
            var page = ledger.history(membership.key(), new PageRequest(offset, PageRequest.MAX_LIMIT));
            found.addAll(page.items());
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return found;
            }
        }
    }

    private static boolean within(Instant at, Instant from, Instant until) {
        return !at.isBefore(from) && at.isBefore(until);
    }
}
