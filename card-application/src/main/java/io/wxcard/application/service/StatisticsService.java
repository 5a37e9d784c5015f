package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.fromWechat;
import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.CardStatisticsQuery;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.PullCardStatisticsUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.CardStatisticsStore;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.store.StoreStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardStatistics;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.statistics.DailyPull;
import io.wxcard.domain.statistics.OurFigures;
import io.wxcard.domain.statistics.StatisticsRange;
import io.wxcard.domain.statistics.WechatDailyFigures;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** WeChat's card statistics pulled and kept, and our own counted from the ledger, side by side. */
final class StatisticsService implements CardStatisticsQuery, PullCardStatisticsUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsService.class);

    private final CardStatisticsStore records;
    private final StoreStore stores;
    private final TenantStore tenants;
    private final CardStore cards;
    private final WechatCardStatistics wechat;
    private final Lookups lookups;
    private final Clock clock;

    StatisticsService(CardStatisticsStore records, StoreStore stores, TenantStore tenants, CardStore cards,
                      WechatCardStatistics wechat, Lookups lookups, Clock clock) {
        this.records = records;
        this.stores = stores;
        this.tenants = tenants;
        this.cards = cards;
        this.wechat = wechat;
        this.lookups = lookups;
        this.clock = clock;
    }

    @Override
    public Either<Failure, CardStatistics> statistics(TenantId tenantId, CardId cardId, LocalDate from, LocalDate to) {
        return rejected(StatisticsRange.of(from, to, clock.now())).flatMap(range -> lookups.card(tenantId, cardId)
                .map(card -> {
                    OurFigures ours = OurFigures.count(range,
                            records.receipts(tenantId, cardId, range.start(), range.end()),
                            records.movements(tenantId, cardId, range.start(), range.end()),
                            stores.visits(tenantId, cardId, range.start(), range.end()));
                    List<WechatDailyFigures> theirs = card.wechatCardId()
                            .map(id -> records.wechatFigures(tenantId, WechatDailyFigures.Scope.CARD, Option.of(id),
                                    range.from(), range.to()))
                            .getOrElse(List.of());
                    return new CardStatistics(range, ours, theirs, disagreements(ours, theirs));
                }));
    }

    /** Where both sides count the same thing: receipts and activations of each day WeChat gave. */
    private static List<Disagreement> disagreements(OurFigures ours, List<WechatDailyFigures> theirs) {
        Map<LocalDate, OurFigures.Day> byDay = ours.days().stream()
                .collect(Collectors.toMap(OurFigures.Day::day, Function.identity()));
        List<Disagreement> found = new ArrayList<>();
        for (WechatDailyFigures day : theirs) {
            OurFigures.Day our = byDay.get(day.day());
            if (our == null) {
                continue;
            }
            if (day.receiveCount() != our.newMembers()) {
                found.add(new Disagreement(day.day(), "receive_cnt", day.receiveCount(), our.newMembers()));
            }
            if (day.activeUsers() != our.activatedMembers()) {
                found.add(new Disagreement(day.day(), "active_user", day.activeUsers(), our.activatedMembers()));
            }
        }
        return found;
    }

    @Override
    public Either<Failure, Integer> pull(TenantId tenantId, CardId cardId, LocalDate from, LocalDate to) {
        return rejected(StatisticsRange.of(from, to, clock.now())).flatMap(range -> lookups.card(tenantId, cardId)
                .flatMap(card -> card.wechatCardId().toEither(() -> (Failure) new Failure.Rejected(Rejection.of(
                        RejectionCode.CARD_NOT_ON_WECHAT, "card " + cardId + " is not on WeChat yet: it has no "
                                + "statistics there"))))
                .flatMap(wechatCardId -> lookups.account(tenantId)
                        .flatMap(account -> pull(tenantId, account, List.of(wechatCardId), range))));
    }

    private Either<Failure, Integer> pull(TenantId tenantId, WechatAccount account, List<WechatCardId> cardIds,
                                          StatisticsRange range) {
        List<WechatDailyFigures> pulled = new ArrayList<>();
        for (WechatCardId cardId : cardIds) {
            var days = fromWechat(wechat.memberCard(account, cardId, range));
            if (days.isLeft()) {
                return Either.left(days.getLeft());
            }
            pulled.addAll(days.get());
        }
        var summaries = fromWechat(wechat.memberCards(account, range))
                .flatMap(memberCards -> fromWechat(wechat.allCards(account, range)).map(all -> {
                    List<WechatDailyFigures> both = new ArrayList<>(memberCards);
                    both.addAll(all);
                    return both;
                }));
        if (summaries.isLeft()) {
            return Either.left(summaries.getLeft());
        }
        pulled.addAll(summaries.get());
        records.saveWechatFigures(tenantId, pulled);
        return Either.right(pulled.size());
    }

    @Override
    public int pullYesterday() {
        LocalDate yesterday = StatisticsRange.dayOf(clock.now()).minusDays(1);
        StatisticsRange range = new StatisticsRange(yesterday, yesterday);
        int rows = 0;
        for (Tenant tenant : tenants.list()) {
            List<WechatCardId> onWechat = cardsOnWechat(tenant.id());
            if (onWechat.isEmpty()) {
                continue;
            }
            var pulled = pull(tenant.id(), WechatAccount.of(tenant), onWechat, range);
            if (pulled.isLeft()) {
                LOG.warn("tenant {}: WeChat's card statistics of {} not pulled: {}", tenant.id(), yesterday,
                        pulled.getLeft().detail());
            } else {
                rows += pulled.get();
            }
        }
        return rows;
    }

    @Override
    public int pullDueDay() {
        StatisticsRange range = DailyPull.dueRange(clock.now());
        LocalDate day = range.from();
        int rows = 0;
        for (Tenant tenant : tenants.list()) {
            List<WechatCardId> onWechat = cardsOnWechat(tenant.id());
            if (onWechat.isEmpty() || !records.claimDailyPull(tenant.id(), day, clock.now())) {
                continue;
            }
            Either<Failure, Integer> pulled;
            try {
                pulled = pull(tenant.id(), WechatAccount.of(tenant), onWechat, range);
            } catch (RuntimeException failure) {
                records.releaseDailyPull(tenant.id(), day);
                throw failure;
            }
            if (pulled.isLeft()) {
                records.releaseDailyPull(tenant.id(), day);
                LOG.warn("tenant {}: WeChat's card statistics of {} not pulled, tried again later: {}", tenant.id(),
                        day, pulled.getLeft().detail());
            } else {
                LOG.info("tenant {}: pulled WeChat's card statistics of {} ({} rows)", tenant.id(), day, pulled.get());
                rows += pulled.get();
            }
        }
        return rows;
    }

    private List<WechatCardId> cardsOnWechat(TenantId tenantId) {
        List<WechatCardId> found = new ArrayList<>();
        int offset = 0;
        while (true) {
            var page = cards.list(tenantId, Option.none(), new PageRequest(offset, PageRequest.MAX_LIMIT));
            page.items().stream().filter(card -> card.state() != CardState.DELETED).map(Card::wechatCardId)
                    .forEach(id -> id.forEach(found::add));
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return found;
            }
        }
    }
}
