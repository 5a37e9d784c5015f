package io.wxcard.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.RecordReviewResultUseCase.ReviewResult;
import io.wxcard.application.port.out.MemberLevels;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardMessages;
import io.wxcard.application.port.out.wechat.WechatCardStatistics;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatUserTags;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryApplication;
import io.wxcard.application.testing.InMemoryCardStatisticsStore;
import io.wxcard.application.testing.InMemorySegmentStore;
import io.wxcard.application.testing.InMemoryStoreStore;
import io.wxcard.application.testing.SequentialIds;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.statistics.DailyPull;
import io.wxcard.domain.statistics.StatisticsRange;
import io.wxcard.domain.statistics.WechatDailyFigures;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 7: the daily pull of WeChat's card statistics, run by the loops of two instances over one store: each
 * tenant's due day is asked of WeChat once, and a failed pull is tried again by a later round.
 */
class DailyStatisticsPullTest {

    private final InMemoryApplication h = new InMemoryApplication();
    private final InMemoryCardStatisticsStore records = new InMemoryCardStatisticsStore(h.stores.memberships(),
            h.stores.ledger(), new InMemoryStoreStore());
    private final CountingDatacube wechat = new CountingDatacube();
    private final TenantId tenant = Fixtures.uniqueTenantId();
    private InstanceLoops first;
    private InstanceLoops second;

    @AfterEach
    void stop() {
        for (InstanceLoops loops : new InstanceLoops[] {first, second}) {
            if (loops != null) {
                loops.stop();
            }
        }
    }

    @Test
    void two_instances_pull_each_due_day_once() throws InterruptedException {
        WechatCardId card = approvedCard();
        first = loops("a");
        second = loops("b");
        first.start();
        second.start();

        LocalDate due = DailyPull.dueDay(h.clock.now());
        awaitCalls(due, 1);
        Thread.sleep(200); // many more rounds of both loops
        assertThat(wechat.calls(due)).as("the card's day asked of WeChat once by both instances").isEqualTo(1);
        assertThat(records.wechatFigures(tenant, WechatDailyFigures.Scope.CARD, Option.of(card), due, due))
                .singleElement().satisfies(day -> assertThat(day.receiveCount()).isEqualTo(7));

        h.clock.advance(Duration.ofDays(1));
        awaitCalls(due.plusDays(1), 1);
        Thread.sleep(200);
        assertThat(wechat.calls(due.plusDays(1))).as("the next day, once too").isEqualTo(1);
        assertThat(wechat.calls(due)).isEqualTo(1);
    }

    @Test
    void a_failed_pull_gives_the_day_back_and_a_later_round_pulls_it() throws InterruptedException {
        WechatCardId card = approvedCard();
        wechat.failuresLeft.set(1);
        first = loops("a");
        first.start();

        LocalDate due = DailyPull.dueDay(h.clock.now());
        awaitCalls(due, 2);
        Thread.sleep(100);
        assertThat(wechat.calls(due)).as("refused once, pulled on the next round, then left").isEqualTo(2);
        assertThat(records.wechatFigures(tenant, WechatDailyFigures.Scope.CARD, Option.of(card), due, due)).hasSize(1);
    }

    @Test
    void the_statistics_pull_is_a_loop_only_when_asked_for() {
        InstanceLoops without = InstanceLoops.of(h.app, h.stores.processedPushes(), h.clock, 1, Duration.ZERO,
                name -> work -> new Thread(work, name));
        assertThat(without.names()).doesNotContain("statistics-pull");
        assertThat(without.withDailyStatisticsPull(engagement().pullCardStatistics(), Duration.ofMinutes(15)).names())
                .endsWith("statistics-pull");
    }

    private InstanceLoops loops(String instance) {
        return new InstanceLoops(List.of(), name -> work -> new Thread(work, instance + "-" + name))
                .withDailyStatisticsPull(engagement().pullCardStatistics(), Duration.ofMillis(5));
    }

    /** An instance's statistics use cases: its own services over the shared store, as two processes would be. */
    private EngagementServices engagement() {
        return new EngagementServices(new EngagementServices.Dependencies(h.app, h.stores.tenants(), h.stores.cards(),
                h.stores.memberships(), new InMemoryStoreStore(), new InMemorySegmentStore(), records,
                MemberLevels.NONE, notCalled(WechatUserTags.class), notCalled(WechatCardMessages.class), wechat,
                h.clock, new SequentialIds()));
    }

    private WechatCardId approvedCard() {
        h.stores.tenants().save(Fixtures.tenant(tenant));
        Card drafted = ok(h.app.draftCard().draft(new DraftCardCommand(tenant,
                Fixtures.definitionActivatedBy(ActivationMode.AUTO))));
        Card submitted = ok(h.app.submitCard().submit(tenant, drafted.id()));
        return ok(h.app.recordReviewResult().record(new ReviewResult(tenant, submitted.wechatCardId().get(), true,
                Option.none()))).wechatCardId().get();
    }

    private void awaitCalls(LocalDate day, int calls) throws InterruptedException {
        for (int wait = 0; wait < 500 && wechat.calls(day) < calls; wait++) {
            Thread.sleep(10);
        }
        assertThat(wechat.calls(day)).isGreaterThanOrEqualTo(calls);
    }

    /** WeChat's datacube for the test: seven receipts a day, counting how often each day of a card is asked for. */
    private static final class CountingDatacube implements WechatCardStatistics {
        private final Map<LocalDate, AtomicInteger> calls = new ConcurrentHashMap<>();
        final AtomicInteger failuresLeft = new AtomicInteger();

        int calls(LocalDate day) {
            return calls.getOrDefault(day, new AtomicInteger()).get();
        }

        @Override
        public Either<WechatError, List<WechatDailyFigures>> memberCard(WechatAccount account, WechatCardId cardId,
                                                                        StatisticsRange range) {
            range.days().forEach(day -> calls.computeIfAbsent(day, d -> new AtomicInteger()).incrementAndGet());
            if (failuresLeft.getAndDecrement() > 0) {
                return Either.left(new WechatError(WechatError.Kind.QUOTA, "45009", "reach max api daily quota limit"));
            }
            return Either.right(range.days().map(day -> figures(WechatDailyFigures.Scope.CARD, Option.of(cardId), day))
                    .toList());
        }

        @Override
        public Either<WechatError, List<WechatDailyFigures>> memberCards(WechatAccount account, StatisticsRange range) {
            return Either.right(range.days().map(day -> figures(WechatDailyFigures.Scope.MEMBER_CARDS, Option.none(),
                    day)).toList());
        }

        @Override
        public Either<WechatError, List<WechatDailyFigures>> allCards(WechatAccount account, StatisticsRange range) {
            return Either.right(range.days().map(day -> figures(WechatDailyFigures.Scope.ALL_CARDS, Option.none(),
                    day)).toList());
        }

        private static WechatDailyFigures figures(WechatDailyFigures.Scope scope, Option<WechatCardId> card,
                                                  LocalDate day) {
            return new WechatDailyFigures(scope, card, day, 10, 9, 7, 7, 1, 1, 2, 80, 7, 0, 0);
        }
    }

    private static <T> T notCalled(Class<T> port) {
        return port.cast(java.lang.reflect.Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, args) -> {
                    throw new AssertionError(port.getSimpleName() + "." + method.getName() + " was not expected");
                }));
    }

    private static <T> T ok(Either<Failure, T> result) {
        assertThat(result.isRight()).as("expected success, got %s", result).isTrue();
        return result.get();
    }
}
