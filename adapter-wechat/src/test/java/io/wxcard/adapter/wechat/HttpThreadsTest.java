package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.MemberUpdate;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Secret;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The adapter's asynchronous calls run on the threads it is given, however many calls it makes: the JDK client's
 * {@code sendAsync} started a thread per answer on a machine of two cores (see {@link WechatThreads}).
 */
class HttpThreadsTest {

    private static final WechatAccount SOMEONE = new WechatAccount(new AppId("wxstub"), Secret.of("s"));
    private static final int CALLS = 200;
    private static final int AT_ONCE = 8;

    private final AtomicInteger made = new AtomicInteger();

    @Test
    void many_asynchronous_calls_start_no_thread_beyond_the_bounded_pools_given() {
        ExecutorService http = pool("test-wechat-http", 2);
        ExecutorService calls = pool("test-wechat-call", 4);
        try (StubServer stub = new StubServer()) {
            stub.withTokens().on("/card/membercard/updateuser", r -> StubServer.Answer.json("{\"errcode\":0,"
                    + "\"errmsg\":\"ok\",\"result_bonus\":300,\"result_balance\":0,\"openid\":\"oOpenId\"}"));
            WechatAdapter adapter = WechatAdapter.create(WechatSettings.defaults().withBaseUrl(stub.baseUrl()),
                    new InMemoryStores().tokens(), Clock.system(), new WechatThreads(http, calls));
            update(adapter).join(); // the access token fetched, the connections and the stub's threads warmed
            Set<String> answeredOn = ConcurrentHashMap.newKeySet();
            long startedBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();

            for (int wave = 0; wave < CALLS / AT_ONCE; wave++) {
                List<CompletableFuture<?>> inFlight = new ArrayList<>();
                for (int call = 0; call < AT_ONCE; call++) {
                    inFlight.add(update(adapter).whenComplete((answer, failure) -> {
                        assertThat(failure).isNull();
                        answeredOn.add(Thread.currentThread().getName());
                    }));
                }
                inFlight.forEach(CompletableFuture::join);
            }

            long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - startedBefore;
            // An answer completes on the call's thread, or on Failsafe's own bounded pool when its stage attaches
            // after the answer; on the JDK's sendAsync each completed on a new "Thread-N".
            assertThat(answeredOn).as("the threads the answers completed on").hasSizeLessThanOrEqualTo(8)
                    .allSatisfy(name -> assertThat(name)
                            .matches("test-wechat-call-\\d+|ForkJoinPool(-\\d+|\\.commonPool)-worker-\\d+"));
            assertThat(made).as("threads of the pools given").hasValueLessThanOrEqualTo(6);
            // The stub's own pool and Failsafe's may start a few; a thread per call would be 200.
            assertThat(started).as("threads started in the JVM during %d calls", CALLS).isLessThan(CALLS / 10);
        } finally {
            http.shutdownNow();
            calls.shutdownNow();
        }
    }

    private static CompletableFuture<?> update(WechatAdapter adapter) {
        return adapter.members().updateMemberAsync(SOMEONE, new MemberUpdate(new WechatCardId("pCard"),
                new Code("123456789012"), Points.of(300), Fen.of(0), Option.none(), Option.none(), Option.none(),
                Option.none(), false, false)).thenApply(io.vavr.control.Either::get);
    }

    private ExecutorService pool(String name, int size) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(size, work -> {
            made.incrementAndGet();
            Thread thread = new Thread(work, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
