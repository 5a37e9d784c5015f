package io.wxcard.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The loops an instance runs beside its web server (the outbox dispatcher, the push inbox, the import runner, the
 * housekeeping), as a {@link SmartLifecycle}: started before the web server takes requests and stopped after it has
 * stopped (phase 0, below Spring Boot's web server phases), each letting its work in hand finish. A loop works while
 * there is work, naps when there is none, and after a failure (the database restarting, say) logs, backs off and goes
 * on. Bootstrap's {@code BackgroundWorkers} runs the same loops on plain threads.
 */
public final class BackgroundLoops implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoops.class);
    private static final Duration MAX_NAP = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    /** One loop: its name, its nap when idle, and one round of work that answers whether there was work. */
    public record Loop(String name, Duration idle, BooleanSupplier work) {}

    private final List<Loop> loops;
    private final Map<String, String> failing = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile CountDownLatch stopping = new CountDownLatch(0);

    public BackgroundLoops(List<Loop> loops) {
        this.loops = List.copyOf(loops);
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        stopping = new CountDownLatch(1);
        threads.clear();
        for (Loop loop : loops) {
            Thread thread = new Thread(() -> run(loop, stopping), "wxcard-" + loop.name());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        LOG.info("wxcard background loops started: {}", loops.stream().map(Loop::name).toList());
    }

    private void run(Loop loop, CountDownLatch stop) {
        Duration nap = loop.idle();
        while (stop.getCount() > 0) {
            try {
                boolean busy = loop.work().getAsBoolean();
                failing.remove(loop.name());
                nap = loop.idle();
                if (!busy) {
                    sleep(stop, loop.idle());
                }
            } catch (RuntimeException failure) {
                failing.put(loop.name(), failure.getClass().getSimpleName());
                LOG.warn("{} failed, trying again in {}: {}", loop.name(), nap, failure.toString());
                sleep(stop, nap);
                nap = nap.multipliedBy(2).compareTo(MAX_NAP) > 0 ? MAX_NAP : nap.multipliedBy(2);
            }
        }
    }

    private static void sleep(CountDownLatch stop, Duration duration) {
        try {
            stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the loops, letting each finish the round in hand (up to 15 s, then it is interrupted). */
    @Override
    public synchronized void stop() {
        stopping.countDown();
        for (Thread thread : threads) {
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
        threads.clear();
        LOG.info("wxcard background loops stopped");
    }

    @Override
    public synchronized boolean isRunning() {
        return stopping.getCount() > 0;
    }

    /** Before the web server (which starts at a phase near {@link Integer#MAX_VALUE}), and stopped after it. */
    @Override
    public int getPhase() {
        return 0;
    }

    /** The loops whose latest round failed, with the failure's type (never its message: it may hold data). */
    public Map<String, String> failing() {
        return Map.copyOf(failing);
    }

    public List<String> names() {
        return loops.stream().map(Loop::name).toList();
    }
}
