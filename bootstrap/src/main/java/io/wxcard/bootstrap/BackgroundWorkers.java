package io.wxcard.bootstrap;

import io.wxcard.application.port.in.ApplyWechatPushesUseCase;
import io.wxcard.application.port.in.DispatchOutboxUseCase;
import io.wxcard.application.port.in.RelayEventsUseCase;
import io.wxcard.application.port.in.ReconcileCardUseCase;
import io.wxcard.application.port.in.RunImportsUseCase;
import io.wxcard.application.port.out.store.ProcessedPushStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loops every instance runs beside the HTTP API: the outbox dispatcher, the push inbox's worker, the import runner,
 * and the housekeeping that forgets old pushes. Each loop works while there is work and naps when there is none; a failing loop (the
 * database restarting, say) logs, waits and goes on, so the service recovers without a restart.
 */
final class BackgroundWorkers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWorkers.class);
    /** Far beyond WeChat's retry span (about 15 s): a retried push is always recognised. */
    static final Duration KEEP_PUSH_KEYS = Duration.ofDays(3);

    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);

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

    /**
     * {@code outboxWorkers} loops send the outbox's WeChat calls: each claims its own round (a claim skips tasks, and
     * memberships, another holds) and keeps its calls in flight asynchronously, so one loop is usually enough.
     */
    BackgroundWorkers(DispatchOutboxUseCase outbox, int outboxWorkers, ApplyWechatPushesUseCase inbox,
                      RunImportsUseCase imports, ProcessedPushStore pushes) {
        this(outbox, outboxWorkers, inbox, imports, pushes, null, Duration.ZERO);
    }

    /**
     * As above, and every {@code reconcilePeriod} (none when zero) the reconcile job over every card, first one period
     * after the start: a safety net for pushes lost for good and syncs set aside, not a hot path.
     */
    BackgroundWorkers(DispatchOutboxUseCase outbox, int outboxWorkers, ApplyWechatPushesUseCase inbox,
                      RunImportsUseCase imports, ProcessedPushStore pushes, ReconcileCardUseCase reconcile,
                      Duration reconcilePeriod) {
        for (int worker = 1; worker <= outboxWorkers; worker++) {
            threads.add(loop("outbox-dispatcher-" + worker, Duration.ofMillis(100),
                    () -> outbox.dispatchDue(OUTBOX_BATCH).claimed() > 0));
        }
        threads.add(loop("push-inbox", INBOX_NAP, INBOX_LONGEST_NAP, () -> inbox.applyDue(INBOX_BATCH).claimed() > 0));
        threads.add(loop("import-runner", Duration.ofMillis(500), imports::runOneJob));
        threads.add(loop("housekeeping", Duration.ofMinutes(10), () -> {
            int forgotten = pushes.forgetReceivedBefore(Instant.now().minus(KEEP_PUSH_KEYS));
            if (forgotten > 0) {
                LOG.info("forgot {} pushes older than {}", forgotten, KEEP_PUSH_KEYS);
            }
            return false;
        }));
        if (reconcile != null && !reconcilePeriod.isZero()) {
            java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
            threads.add(loop("reconcile", reconcilePeriod, () -> {
                if (!first.getAndSet(false)) {
                    var report = reconcile.reconcileEveryCard();
                    report.repaired().forEach(line -> LOG.info("reconcile repaired {}", line));
                    report.failed().forEach(line -> LOG.warn("reconcile could not settle {}", line));
                }
                return false;
            }));
        }
    }

    /**
     * The loops of the events going out (issue 15): placing committed events in the change feed, posting webhooks,
     * telling this instance's listeners, and forgetting events past the retention. Added before {@link #start()}.
     */
    void relayEvents(RelayEventsUseCase relay) {
        threads.add(loop("event-placer", Duration.ofMillis(50), () -> relay.placeEvents() > 0));
        threads.add(loop("webhook-sender", Duration.ofMillis(200), () -> relay.deliverWebhooks() > 0));
        threads.add(loop("event-listeners", Duration.ofMillis(50), () -> relay.notifyListeners() > 0));
        threads.add(loop("event-retention", Duration.ofMinutes(10), () -> {
            int forgotten = relay.forgetOldEvents();
            if (forgotten > 0) {
                LOG.info("forgot {} events past the change feed's retention", forgotten);
            }
            return false;
        }));
    }

    void start() {
        threads.forEach(Thread::start);
    }

    /** Runs {@code work} again at once while it says there was work, else naps for {@code idle}. */
    private Thread loop(String name, Duration idle, BooleanSupplier work) {
        return loop(name, idle, idle, work);
    }

    /** As above, the nap doubling from {@code idle} up to {@code longestIdle} while there is no work. */
    private Thread loop(String name, Duration idle, Duration longestIdle, BooleanSupplier work) {
        Thread thread = Threads.named(name).newThread(() -> {
            Duration nap = idle;
            Duration idleNap = idle;
            while (stopping.getCount() > 0) {
                try {
                    boolean busy = work.getAsBoolean();
                    nap = idle;
                    if (busy) {
                        idleNap = idle;
                    } else {
                        sleep(idleNap);
                        idleNap = idleNap.multipliedBy(2).compareTo(longestIdle) > 0 ? longestIdle : idleNap.multipliedBy(2);
                    }
                } catch (RuntimeException failure) {
                    LOG.warn("{} failed, trying again in {}: {}", name, nap, failure.toString());
                    sleep(nap);
                    nap = nap.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : nap.multipliedBy(2);
                }
            }
        });
        thread.setName(name);
        return thread;
    }

    /** Naps, waking at once when the workers are closed. */
    private void sleep(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the loops, letting the work in hand (a WeChat call, a batch of rows) finish first. */
    @Override
    public void close() {
        stopping.countDown();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(15).toMillis());
                if (thread.isAlive()) {
                    LOG.warn("{} did not stop within 15 s; interrupting it", thread.getName());
                    thread.interrupt();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
