package io.wxcard.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.store.InboxMessage;
import io.wxcard.application.port.out.wechat.push.DecodedPush;
import io.wxcard.application.port.out.wechat.push.EventHeader;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardState;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InstanceLoopsTest {

    private final Harness h = new Harness();
    private final Set<Thread> made = ConcurrentHashMap.newKeySet();
    private final Function<String, ThreadFactory> threads = name -> work -> {
        Thread thread = new Thread(work, "test-loop-" + name);
        thread.setDaemon(true);
        made.add(thread);
        return thread;
    };
    private InstanceLoops loops;

    @AfterEach
    void stopLoops() {
        if (loops != null) {
            loops.stop();
        }
    }

    @Test
    void every_instance_runs_the_same_loops_and_the_reconcile_job_only_when_it_has_a_period() {
        assertThat(InstanceLoops.of(h.app, h.stores.processedPushes(), h.clock, 2, Duration.ZERO, threads).names())
                .containsExactly("outbox-dispatcher-1", "outbox-dispatcher-2", "push-inbox", "import-runner",
                        "event-placer", "webhook-sender", "event-listeners", "housekeeping", "event-retention");
        assertThat(InstanceLoops.of(h.app, h.stores.processedPushes(), h.clock, 1, Duration.ofHours(1), threads)
                .names()).endsWith("reconcile");
    }

    @Test
    void the_push_inbox_loop_applies_a_kept_push_without_being_asked() {
        Card submitted = Harness.ok(h.app.submitCard().submit(h.tenant, h.draft(Fixtures.definition()).id()));
        PushRequest push = h.decoder.willDecode("pass", new DecodedPush.Event(new WechatEvent.CardReviewPassed(
                new EventHeader("gh_fc0a06a20993", "oAlice", 1764208300L, "card_pass_check"),
                submitted.wechatCardId().get())));
        loops = InstanceLoops.of(h.app, h.stores.processedPushes(), h.clock, 1, Duration.ZERO, threads);
        loops.start();

        h.app.acceptWechatPush().accept(h.tenant, push);

        awaitTrue(() -> h.stores.processedPushes().count(InboxMessage.State.APPLIED) == 1);
        assertThat(h.stores.cards().find(h.tenant, submitted.id()).get().state()).isEqualTo(CardState.APPROVED);
        assertThat(made).extracting(Thread::getName).contains("test-loop-push-inbox", "test-loop-outbox-dispatcher-1");
    }

    @Test
    void a_failing_round_is_reported_and_the_loop_goes_on_until_it_succeeds() {
        AtomicInteger rounds = new AtomicInteger();
        loops = new InstanceLoops(List.of(new InstanceLoops.Loop("flaky", Duration.ofMillis(5), () -> {
            if (rounds.incrementAndGet() <= 3) {
                throw new IllegalStateException("database restarting");
            }
            return false;
        })), threads);
        loops.start();

        awaitTrue(() -> loops.failing().containsKey("flaky"));
        assertThat(loops.failing()).containsEntry("flaky", "IllegalStateException");
        awaitTrue(() -> rounds.get() > 4);
        assertThat(loops.failing()).isEmpty();
    }

    @Test
    void stopped_loops_end_their_threads_and_start_again_on_new_ones() {
        AtomicInteger rounds = new AtomicInteger();
        loops = new InstanceLoops(List.of(new InstanceLoops.Loop("counting", Duration.ofMillis(5), () -> {
            rounds.incrementAndGet();
            return false;
        })), threads);
        loops.start();
        awaitTrue(() -> rounds.get() > 0);

        loops.stop();

        assertThat(loops.isRunning()).isFalse();
        assertThat(made).hasSize(1).allSatisfy(thread -> assertThat(thread.isAlive()).isFalse());
        int stoppedAt = rounds.get();
        loops.start();
        awaitTrue(() -> rounds.get() > stoppedAt);
        assertThat(made).hasSize(2);
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
