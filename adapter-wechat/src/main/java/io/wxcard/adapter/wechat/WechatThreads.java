package io.wxcard.adapter.wechat;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the WeChat adapter runs on, bounded and owned by the caller (bootstrap's thread owner, say).
 *
 * <p>Why not the JDK client's {@code sendAsync}: it completes every answer on {@code CompletableFuture}'s default
 * executor, which on a machine of two cores or fewer (a common pool of one) starts a new thread for each answer; JFR
 * counted 4,990 threads in 275 s of a write load. So the asynchronous calls are Feign's {@code AsyncClient.Default}:
 * the synchronous client on {@code calls}, whose size bounds the calls in flight (each holds a thread while WeChat
 * answers), and the retries between attempts still wait on no thread.
 *
 * @param http  the JDK client's own work (reading answers): short tasks that never block
 * @param calls the asynchronous calls (the outbox's updateuser lanes)
 */
public record WechatThreads(Executor http, ExecutorService calls) {

    /** Calls in flight at once when the caller does not say: the outbox's 8 lanes for each of 8 busy tenants. */
    public static final int DEFAULT_CALLS = 64;

    public WechatThreads {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(calls, "calls");
    }

    /** Pools of daemon threads of the adapter's own ({@code wechat-http-N}, {@code wechat-call-N}): tests and tools. */
    public static WechatThreads daemons() {
        return new WechatThreads(pool("wechat-http", 4), pool("wechat-call", DEFAULT_CALLS));
    }

    /** Up to {@code size} threads, made as work comes and let go after a minute without any. */
    private static ExecutorService pool(String name, int size) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory daemons = work -> {
            Thread thread = new Thread(work, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                daemons);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
