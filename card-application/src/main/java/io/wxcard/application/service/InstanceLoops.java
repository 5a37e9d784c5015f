package io.wxcard.application.service;

import io.wxcard.application.port.in.PullCardStatisticsUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.ProcessedPushStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loops every instance runs beside its HTTP server: the outbox dispatchers, the push inbox's worker, the import
 * runner, the events going out, the housekeeping and (when asked) the reconcile job. Each loop works while there is
 * work and naps when there is none; a failing round (the database restarting, say) logs, backs off and goes on, so
 * the instance recovers without a restart. Plain threads from the caller's factory: bootstrap and the Spring starter
 * each start and stop these in their own lifecycle.
 */
public final class InstanceLoops {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceLoops.class);
    /**
     * Tasks one outbox loop claims a round, shared out between the tenants with due work: enough to keep every
     * tenant's lanes of asynchronous calls busy, and to claim many changes of a busy membership as one call.
     */
    static final int OUTBOX_BATCH = 100;
    /** Pushes the inbox worker claims at a time; its nap is short, since a push's effect is awaited by a member. */
    static final int INBOX_BATCH = 50;
    static final Duration INBOX_NAP = Duration.ofMillis(20);
    /**
     * The inbox worker's longest nap: each idle poll doubles the nap up to this, and a claim brings it back to
     * {@link #INBOX_NAP}. Polling every 20 ms cost a query 50 times a second on an instance receiving no pushes (5 to
     * 10 % of the service's CPU samples in JFR profiles of a write load of 30 to 250 changes a second); now the first
     * push after a quiet spell waits at most this long.
     */
    static final Duration INBOX_LONGEST_NAP = Duration.ofMillis(320);
    /** Far beyond WeChat's retry span (about 15 s): a retried push is always recognised. */
    static final Duration KEEP_PUSH_KEYS = Duration.ofDays(3);
    private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    /** One loop: its name, its nap when idle (doubling up to {@code longestIdle}), and one round of work. */
    public record Loop(String name, Duration idle, Duration longestIdle, BooleanSupplier work) {
        public Loop(String name, Duration idle, BooleanSupplier work) {
            this(name, idle, idle, work);
        }
    }

    private final List<Loop> loops;
    private final Function<String, ThreadFactory> threads;
    private final Map<String, String> failing = new ConcurrentHashMap<>();
    private final List<Thread> running = new ArrayList<>();
    private volatile CountDownLatch stopping = new CountDownLatch(0);

    /**
     * Every loop of {@code services}: {@code outboxWorkers} outbox loops (each claims its own round and keeps its
     * calls in flight asynchronously, so one is usually enough), and every {@code reconcilePeriod} (none when zero)
     * the reconcile job over every card, first one period after the start: a safety net for pushes lost for good and
     * syncs set aside, not a hot path.
     *
     * @param threads the thread factory for each loop's name
     */
    public static InstanceLoops of(CardServices services, ProcessedPushStore pushes, Clock clock, int outboxWorkers,
                                     Duration reconcilePeriod, Function<String, ThreadFactory> threads) {
        List<Loop> loops = new ArrayList<>();
        for (int worker = 1; worker <= outboxWorkers; worker++) {
            loops.add(new Loop("outbox-dispatcher-" + worker, Duration.ofMillis(100),
                    () -> services.dispatchOutbox().dispatchDue(OUTBOX_BATCH).claimed() > 0));
        }
        loops.add(new Loop("push-inbox", INBOX_NAP, INBOX_LONGEST_NAP,
                () -> services.applyWechatPushes().applyDue(INBOX_BATCH).claimed() > 0));
        loops.add(new Loop("import-runner", Duration.ofMillis(500), services.runImports()::runOneJob));
        var relay = services.relayEvents(); // issue 15: events placed in the feed, webhooks posted, listeners told
        loops.add(new Loop("event-placer", Duration.ofMillis(50), () -> relay.placeEvents() > 0));
        loops.add(new Loop("webhook-sender", Duration.ofMillis(200), () -> relay.deliverWebhooks() > 0));
        loops.add(new Loop("event-listeners", Duration.ofMillis(50), () -> relay.notifyListeners() > 0));
        loops.add(new Loop("housekeeping", Duration.ofMinutes(10), () -> {
            logForgotten(pushes.forgetReceivedBefore(clock.now().minus(KEEP_PUSH_KEYS)), "pushes older than 3 days");
            return false;
        }));
        loops.add(new Loop("event-retention", Duration.ofMinutes(10), () -> {
            logForgotten(relay.forgetOldEvents(), "events past the change feed's retention");
            return false;
        }));
        if (!reconcilePeriod.isZero()) {
            AtomicBoolean first = new AtomicBoolean(true);
            loops.add(new Loop("reconcile", reconcilePeriod, () -> {
                if (!first.getAndSet(false)) {
                    var report = services.reconcileCard().reconcileEveryCard();
                    report.repaired().forEach(line -> LOG.info("reconcile repaired {}", line));
                    report.failed().forEach(line -> LOG.warn("reconcile could not settle {}", line));
                }
                return false;
            }));
        }
        return new InstanceLoops(loops, threads);
    }

    /**
     * These loops and the daily pull of WeChat's card statistics (issue 17): every {@code checkEvery} a round claims
     * and pulls each tenant's due day. Every instance may run it: the claim (a row per tenant and day) lets one pull.
     */
    public InstanceLoops withDailyStatisticsPull(PullCardStatisticsUseCase statistics, Duration checkEvery) {
        if (isRunning()) {
            throw new IllegalStateException("add the statistics pull before the loops start");
        }
        List<Loop> more = new ArrayList<>(loops);
        more.add(new Loop("statistics-pull", checkEvery, () -> {
            statistics.pullDueDay();
            return false;
        }));
        return new InstanceLoops(more, threads);
    }

    public InstanceLoops(List<Loop> loops, Function<String, ThreadFactory> threads) {
        this.loops = List.copyOf(loops);
        this.threads = threads;
    }

    private static void logForgotten(int forgotten, String what) {
        if (forgotten > 0) {
            LOG.info("forgot {} {}", forgotten, what);
        }
    }

    /** Starts every loop on a thread of its own; again after {@link #stop()}. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        stopping = stop;
        running.clear();
        for (Loop loop : loops) {
            Thread thread = threads.apply(loop.name()).newThread(() -> run(loop, stop));
            running.add(thread);
            thread.start();
        }
    }

    private void run(Loop loop, CountDownLatch stop) {
        Duration backOff = loop.idle();
        Duration nap = loop.idle();
        while (stop.getCount() > 0) {
            try {
                boolean busy = loop.work().getAsBoolean();
                failing.remove(loop.name());
                backOff = loop.idle();
                if (busy) {
                    nap = loop.idle();
                } else {
                    sleep(stop, nap);
                    nap = atMost(nap.multipliedBy(2), loop.longestIdle());
                }
            } catch (RuntimeException failure) {
                failing.put(loop.name(), failure.getClass().getSimpleName());
                LOG.warn("{} failed, trying again in {}: {}", loop.name(), backOff, failure.toString());
                sleep(stop, backOff);
                backOff = atMost(backOff.multipliedBy(2), LONGEST_BACK_OFF);
            }
        }
    }

    private static Duration atMost(Duration duration, Duration limit) {
        return duration.compareTo(limit) > 0 ? limit : duration;
    }

    /** Naps, waking at once when the loops are stopped. */
    private static void sleep(CountDownLatch stop, Duration duration) {
        try {
            stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the loops, letting each finish its round in hand (a WeChat call, a batch of rows) for up to 15 s. */
    public synchronized void stop() {
        stopping.countDown();
        for (Thread thread : running) {
            try {
                thread.join(STOP_WAIT.toMillis());
                if (thread.isAlive()) {
                    LOG.warn("{} did not stop within {} s; interrupting it", thread.getName(), STOP_WAIT.toSeconds());
                    thread.interrupt();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        running.clear();
    }

    public boolean isRunning() {
        return stopping.getCount() > 0;
    }

    /** The loops whose latest round failed, with the failure's type (never its message: it may hold data). */
    public Map<String, String> failing() {
        return Map.copyOf(failing);
    }

    public List<String> names() {
        return loops.stream().map(Loop::name).toList();
    }
}
