package io.wxcard.bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one owner of the application's threads: the services are handed the executors they need and make none, and the
 * background loops get their threads here too. Every thread is a named daemon, so a thread dump says what it is for
 * and none keeps the JVM alive; closing stops the pools made here.
 */
final class Threads implements AutoCloseable {

    private final List<ExecutorService> pools = new ArrayList<>();

    /** Named daemon threads: {@code name-1}, {@code name-2}, ... */
    static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A pool of up to {@code size} threads, made as work comes and let go after a minute without any. */
    synchronized ExecutorService pool(String name, int size) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                named(name));
        pool.allowCoreThreadTimeOut(true);
        pools.add(pool);
        return pool;
    }

    /** Lets the work in hand finish (up to 15 s), then interrupts what is left. */
    @Override
    public synchronized void close() {
        pools.forEach(ExecutorService::shutdown);
        for (ExecutorService pool : pools) {
            try {
                if (!pool.awaitTermination(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException interrupted) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
