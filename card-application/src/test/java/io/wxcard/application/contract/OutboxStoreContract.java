package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.store.OutboxMessage;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link OutboxStore} must do. Each test starts from an empty outbox. */
public abstract class OutboxStoreContract {

    protected abstract StoreSet stores();

    private static final Duration LEASE = Duration.ofSeconds(30);
    private OutboxStore outbox;
    private final TenantId tenant = Fixtures.uniqueTenantId();

    @BeforeEach
    void setUpStore() {
        outbox = stores().outbox();
        stores().tenants().save(Fixtures.tenant(tenant));
    }

    private OutboxTask sync(String code, long sequence) {
        return new OutboxTask.SyncMemberTotals(tenant, new CardId("card1"), new Code(code), sequence);
    }

    @Test
    void gives_back_every_kind_of_task_as_it_was_written() {
        List<OutboxTask> tasks = List.of(sync("100001", 7),
                new OutboxTask.InvalidateOnWechat(tenant, new CardId("card1"), new Code("100002"), "丢失 lost card"),
                new OutboxTask.DeleteCardOnWechat(tenant, new CardId("card1"), new WechatCardId("pCard1")),
                new OutboxTask.PullMemberInfo(tenant, new CardId("card1"), new Code("100003")),
                new OutboxTask.CheckMemberTotals(tenant, new CardId("card1"), new Code("100004"), -20, 500));
        for (int i = 0; i < tasks.size(); i++) {
            outbox.enqueue("ob" + i, tasks.get(i), T0.plusMillis(i));
        }

        List<OutboxMessage> claimed = outbox.claim("d1", 10, T0.plusSeconds(1), LEASE);

        assertThat(claimed).extracting(OutboxMessage::task).containsExactlyElementsOf(tasks);
        assertThat(claimed).extracting(OutboxMessage::attempts).containsOnly(0);
        assertThat(claimed.get(0).createdAt()).isEqualTo(T0);
    }

    @Test
    void claims_the_oldest_due_tasks_first_up_to_the_limit() {
        outbox.enqueue("ob1", sync("1", 1), T0);
        outbox.enqueue("ob2", sync("2", 1), T0.plusSeconds(1));
        outbox.enqueue("ob3", sync("3", 1), T0.plusSeconds(2));

        assertThat(outbox.claim("d1", 2, T0.plusSeconds(3), LEASE)).extracting(OutboxMessage::id).containsExactly("ob1", "ob2");
    }

    @Test
    void does_not_hand_a_leased_task_to_another_dispatcher_until_the_lease_runs_out() {
        outbox.enqueue("ob1", sync("1", 1), T0);
        assertThat(outbox.claim("d1", 10, T0, LEASE)).hasSize(1);

        assertThat(outbox.claim("d2", 10, T0.plusSeconds(10), LEASE)).isEmpty();
        assertThat(outbox.claim("d2", 10, T0.plus(LEASE).plusSeconds(1), LEASE)).extracting(OutboxMessage::id)
                .containsExactly("ob1");
    }

    @Test
    void forgets_a_completed_task() {
        outbox.enqueue("ob1", sync("1", 1), T0);
        outbox.claim("d1", 10, T0, LEASE);

        outbox.completed("ob1", "d1");

        assertThat(outbox.claim("d1", 10, T0.plus(Duration.ofHours(1)), LEASE)).isEmpty();
        assertThat(outbox.stats(T0).pending()).isZero();
    }

    @Test
    void forgets_the_tasks_sent_together_that_the_dispatcher_still_holds() {
        outbox.enqueue("ob1", sync("1", 1), T0);
        outbox.enqueue("ob2", sync("1", 2), T0);
        outbox.enqueue("ob3", sync("2", 1), T0);
        outbox.claim("d1", 10, T0, LEASE);
        outbox.deadLetter("ob3", "d1", "set aside");

        assertThat(outbox.completed(List.of("ob1", "ob2", "ob3", "ob-unknown"), "d2")).isZero();
        assertThat(outbox.completed(List.of("ob1", "ob2", "ob3", "ob-unknown"), "d1")).isEqualTo(2);
        assertThat(outbox.completed(List.of(), "d1")).isZero();

        assertThat(outbox.stats(T0).pending()).isZero();
        assertThat(outbox.stats(T0).dead()).isEqualTo(1);
    }

    @Test
    void offers_a_failed_task_again_only_after_its_back_off_and_counts_the_attempt() {
        outbox.enqueue("ob1", sync("1", 1), T0);
        outbox.claim("d1", 10, T0, LEASE);

        outbox.retryLater("ob1", "d1", T0.plusSeconds(60), "WeChat TRANSIENT -1: system busy");

        assertThat(outbox.claim("d1", 10, T0.plusSeconds(59), LEASE)).isEmpty();
        OutboxMessage again = outbox.claim("d1", 10, T0.plusSeconds(60), LEASE).get(0);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.lastError()).contains("WeChat TRANSIENT -1: system busy");
    }

    @Test
    void keeps_dead_letters_aside_until_an_operator_revives_them() {
        outbox.enqueue("ob1", sync("1", 1), T0);
        outbox.enqueue("ob2", sync("2", 1), T0);
        outbox.claim("d1", 10, T0, LEASE);
        outbox.deadLetter("ob1", "d1", "WeChat CLIENT_ERROR 41011: missing card_id");
        outbox.completed("ob2", "d1");

        assertThat(outbox.claim("d1", 10, T0.plus(Duration.ofDays(1)), LEASE)).isEmpty();
        assertThat(outbox.deadLetters(PageRequest.first(10)).items()).extracting(OutboxMessage::id).containsExactly("ob1");
        assertThat(outbox.stats(T0).dead()).isEqualTo(1);

        assertThat(outbox.revive("ob1", T0.plusSeconds(100))).isTrue();
        assertThat(outbox.revive("ob-unknown", T0.plusSeconds(100))).isFalse();
        OutboxMessage revived = outbox.claim("d1", 10, T0.plusSeconds(100), LEASE).get(0);
        assertThat(revived.id()).isEqualTo("ob1");
        assertThat(revived.attempts()).isZero();
        assertThat(outbox.deadLetters(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void a_dispatcher_whose_claim_was_taken_over_changes_nothing() {
        outbox.enqueue("ob1", sync("1", 1), T0);
        outbox.claim("slow", 10, T0, LEASE);
        assertThat(outbox.claim("fast", 10, T0.plus(LEASE).plusSeconds(1), LEASE)).hasSize(1);

        assertThat(outbox.completed("ob1", "slow")).isFalse();
        assertThat(outbox.retryLater("ob1", "slow", T0.plusSeconds(999), "late")).isFalse();
        assertThat(outbox.deadLetter("ob1", "slow", "late")).isFalse();
        assertThat(outbox.stats(T0).pending()).isEqualTo(1);
        assertThat(outbox.completed("ob1", "fast")).isTrue();
        assertThat(outbox.stats(T0).pending()).isZero();
    }

    @Test
    void reports_how_much_waits_and_for_how_long() {
        outbox.enqueue("ob1", sync("1", 1), T0);
        outbox.enqueue("ob2", sync("2", 1), T0.plusSeconds(30));

        var stats = outbox.stats(T0.plusSeconds(90));

        assertThat(stats.pending()).isEqualTo(2);
        assertThat(stats.oldestPendingAge()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void claims_every_pending_sync_of_a_membership_with_its_oldest_due_one() {
        outbox.enqueue("ob1", sync("1", 1), T0);
        outbox.enqueue("ob2", sync("2", 1), T0.plusSeconds(1));
        outbox.enqueue("ob3", sync("1", 2), T0.plusSeconds(2));
        outbox.enqueue("ob4", new OutboxTask.InvalidateOnWechat(tenant, new CardId("card1"), new Code("1"), "lost"),
                T0.plusSeconds(3));

        assertThat(outbox.claim("d1", 1, T0.plusSeconds(10), LEASE)).extracting(OutboxMessage::id)
                .containsExactly("ob1", "ob3");
        assertThat(outbox.claim("d2", 10, T0.plusSeconds(10), LEASE)).extracting(OutboxMessage::id)
                .containsExactly("ob2", "ob4");
    }

    @Test
    void a_sync_backing_off_goes_with_a_due_sync_of_its_membership() {
        outbox.enqueue("ob1", sync("1", 1), T0);
        outbox.claim("d1", 10, T0, LEASE);
        outbox.retryLater("ob1", "d1", T0.plusSeconds(60), "WeChat TRANSIENT -1: system busy");
        outbox.enqueue("ob2", sync("1", 2), T0.plusSeconds(1));

        List<OutboxMessage> claimed = outbox.claim("d1", 10, T0.plusSeconds(2), LEASE);

        assertThat(claimed).extracting(OutboxMessage::id).containsExactly("ob2", "ob1");
        assertThat(claimed.get(1).attempts()).isEqualTo(1);
    }

    @Test
    void holds_back_a_membership_s_sync_while_another_dispatcher_sends_that_membership() {
        outbox.enqueue("ob1", sync("1", 1), T0);
        outbox.claim("d1", 10, T0, LEASE);
        outbox.enqueue("ob2", sync("1", 2), T0.plusSeconds(1));
        outbox.enqueue("ob3", sync("2", 1), T0.plusSeconds(1));

        assertThat(outbox.claim("d2", 10, T0.plusSeconds(2), LEASE)).extracting(OutboxMessage::id).containsExactly("ob3");
        assertThat(outbox.tenantsWithDueTasks(T0.plusSeconds(2))).isEmpty();

        outbox.completed("ob1", "d1");
        assertThat(outbox.claim("d2", 10, T0.plusSeconds(3), LEASE)).extracting(OutboxMessage::id).containsExactly("ob2");
    }

    @Test
    void lists_a_memberships_syncs_that_are_not_settled_waiting_backing_off_or_in_flight_but_not_dead() {
        outbox.enqueue("ob1", sync("1", 1), T0);
        outbox.enqueue("ob2", sync("1", 2), T0.plusSeconds(1));
        outbox.enqueue("ob3", sync("2", 1), T0.plusSeconds(2));
        String key = sync("1", 0).coalesceKey().get();
        outbox.claim("d1", 1, T0.plusSeconds(5), LEASE); // ob1 and ob2, in flight
        outbox.retryLater("ob2", "d1", T0.plusSeconds(60), "busy");
        outbox.enqueue("ob4", sync("1", 3), T0.plusSeconds(6));

        assertThat(outbox.unsettled(tenant, key)).containsExactly(sync("1", 1), sync("1", 2), sync("1", 3));

        outbox.completed("ob1", "d1");
        outbox.claim("d1", 10, T0.plusSeconds(61), LEASE);
        outbox.deadLetter("ob2", "d1", "refused");
        assertThat(outbox.unsettled(tenant, key)).containsExactly(sync("1", 3));
        assertThat(outbox.unsettled(Fixtures.uniqueTenantId(), key)).isEmpty();
    }

    @Test
    void a_crashed_dispatcher_s_membership_is_sent_again_once_its_lease_runs_out() {
        outbox.enqueue("ob1", sync("1", 1), T0);
        outbox.claim("crashed", 10, T0, LEASE);
        outbox.enqueue("ob2", sync("1", 2), T0.plusSeconds(1));

        assertThat(outbox.claim("d2", 10, T0.plus(LEASE).plusSeconds(1), LEASE)).extracting(OutboxMessage::id)
                .containsExactlyInAnyOrder("ob1", "ob2");
    }

    @Test
    void claims_the_due_tasks_of_one_tenant_when_asked_for_that_tenant() {
        TenantId other = Fixtures.uniqueTenantId();
        stores().tenants().save(Fixtures.tenant(other));
        outbox.enqueue("ob1", sync("1", 1), T0);
        outbox.enqueue("ob2", sync("2", 1), T0.plusSeconds(1));
        outbox.enqueue("ob3", new OutboxTask.SyncMemberTotals(other, new CardId("card1"), new Code("1"), 1),
                T0.plusSeconds(2));
        outbox.enqueue("ob4", sync("3", 1), T0.plus(Duration.ofHours(1)));

        assertThat(outbox.tenantsWithDueTasks(T0.plusSeconds(5))).containsExactlyInAnyOrder(tenant, other);
        assertThat(outbox.claim("d1", other, 10, T0.plusSeconds(5), LEASE)).extracting(OutboxMessage::id)
                .containsExactly("ob3");
        assertThat(outbox.tenantsWithDueTasks(T0.plusSeconds(5))).containsExactly(tenant);
        assertThat(outbox.claim("d1", tenant, 1, T0.plusSeconds(5), LEASE)).extracting(OutboxMessage::id)
                .containsExactly("ob1");
    }

    @Test
    void concurrent_dispatchers_never_claim_the_same_task() throws Exception {
        int tasks = 200;
        for (int i = 0; i < tasks; i++) {
            outbox.enqueue("ob" + i, sync(Integer.toString(i), 1), T0);
        }
        int dispatchers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(dispatchers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int d = 0; d < dispatchers; d++) {
            String name = "d" + d;
            results.add(pool.submit(() -> {
                start.await();
                List<String> mine = new ArrayList<>();
                List<OutboxMessage> batch;
                while (!(batch = outbox.claim(name, 7, T0.plusSeconds(1), LEASE)).isEmpty()) {
                    batch.forEach(message -> mine.add(message.id()));
                }
                return mine;
            }));
        }
        start.countDown();
        List<String> all = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<String>> result : results) {
            all.addAll(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(all).hasSize(tasks);
        assertThat(new HashSet<>(all)).hasSize(tasks);
    }
}
