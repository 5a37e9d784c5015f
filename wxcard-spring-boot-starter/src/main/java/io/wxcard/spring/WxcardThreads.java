package io.wxcard.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The pools the application is handed (its services make no threads), as Spring's own executors, kept out of the
 * context so that an application's {@code @Async} and task executor stay Spring Boot's. Closing lets the work in hand
 * finish (up to 15 s), after the background loops have stopped.
 */
public final class WxcardThreads implements AutoCloseable {

    private final List<ThreadPoolTaskExecutor> pools = new ArrayList<>();

    /** A pool of up to {@code size} named daemon threads, made as work comes and let go after a minute without. */
    public ExecutorService pool(String name, int size) {
        return pool(name, size, Integer.MAX_VALUE);
    }

    /** The same, holding at most {@code queue} tasks waiting: more are refused ({@code RejectedExecutionException}). */
    public synchronized ExecutorService pool(String name, int size, int queue) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix(name + "-");
        pool.setDaemon(true);
        pool.setCorePoolSize(size);
        pool.setMaxPoolSize(size);
        pool.setQueueCapacity(queue);
        pool.setKeepAliveSeconds(60);
        pool.setAllowCoreThreadTimeOut(true);
        pool.setWaitForTasksToCompleteOnShutdown(true);
        pool.setAwaitTerminationSeconds(15);
        pool.initialize();
        pools.add(pool);
        return pool.getThreadPoolExecutor();
    }

    @Override
    public synchronized void close() {
        pools.forEach(ThreadPoolTaskExecutor::shutdown);
    }
}
