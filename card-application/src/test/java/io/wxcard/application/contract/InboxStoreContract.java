package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.store.InboxEntry;
import io.wxcard.application.port.out.store.InboxMessage;
import io.wxcard.application.port.out.store.InboxMessage.State;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link InboxStore} must do. */
public abstract class InboxStoreContract {

    private static final Duration LEASE = Duration.ofMinutes(2);

    protected abstract StoreSet stores();

    private InboxStore inbox;
    private final TenantId tenant = Fixtures.uniqueTenantId();

    @BeforeEach
    void setUpStore() {
        inbox = stores().processedPushes();
        stores().tenants().save(Fixtures.tenant(tenant));
    }

    private InboxEntry entry(String id, String sender, Instant receivedAt) {
        byte[] body = ("<xml><FromUserName>" + sender + "</FromUserName><Note>\u5361 " + id + "</Note></xml>")
                .getBytes(StandardCharsets.UTF_8);
        return new InboxEntry(id, tenant, sender + "|" + id + "|user_get_card", sender, receivedAt,
                new PushRequest("POST", Map.of("signature", "s", "timestamp", "1764208278", "nonce", "n+1"), body));
    }

    @Test
    void keeps_a_push_exactly_as_it_arrived() {
        InboxEntry kept = entry("in1", "oAlice", T0);

        assertThat(inbox.add(kept)).isTrue();
        InboxMessage claimed = inbox.claim("w1", 10, T0, LEASE).get(0);

        assertThat(claimed.state()).isEqualTo(State.PENDING);
        assertThat(claimed.attempts()).isZero();
        assertThat(claimed.entry().id()).isEqualTo("in1");
        assertThat(claimed.entry().tenantId()).isEqualTo(tenant);
        assertThat(claimed.entry().pushKey()).isEqualTo(kept.pushKey());
        assertThat(claimed.entry().sender()).isEqualTo("oAlice");
        assertThat(claimed.entry().receivedAt()).isEqualTo(T0);
        assertThat(claimed.entry().push().method()).isEqualTo("POST");
        assertThat(claimed.entry().push().query()).isEqualTo(kept.push().query());
        assertThat(claimed.entry().push().body()).isEqualTo(kept.push().body());
    }

    @Test
    void a_push_with_a_key_already_kept_adds_nothing_even_once_applied() {
        assertThat(inbox.add(entry("in1", "oAlice", T0))).isTrue();
        InboxEntry retry = entry("in1", "oAlice", T0.plusSeconds(5));
        assertThat(inbox.add(new InboxEntry("in2", tenant, retry.pushKey(), "oAlice", retry.receivedAt(), retry.push())))
                .isFalse();
        inbox.claim("w1", 10, T0, LEASE);
        inbox.applied("in1", "w1", "done");

        assertThat(inbox.add(new InboxEntry("in3", tenant, retry.pushKey(), "oAlice", T0.plusSeconds(9), retry.push())))
                .isFalse();
        assertThat(inbox.count(State.APPLIED)).isEqualTo(1);
        assertThat(inbox.count(State.PENDING)).isZero();
    }

    @Test
    void the_same_key_for_another_tenant_is_another_push() {
        TenantId other = Fixtures.uniqueTenantId();
        stores().tenants().save(Fixtures.tenant(other));
        InboxEntry mine = entry("in1", "oAlice", T0);

        assertThat(inbox.add(mine)).isTrue();
        assertThat(inbox.add(new InboxEntry("in2", other, mine.pushKey(), "oAlice", T0, mine.push()))).isTrue();
    }

    @Test
    void claims_the_oldest_first_and_one_sender_in_arrival_order() {
        inbox.add(entry("in1", "oAlice", T0));
        inbox.add(entry("in2", "oBob", T0.plusMillis(1)));
        inbox.add(entry("in3", "oAlice", T0.plusMillis(2)));

        assertThat(inbox.claim("w1", 10, T0.plusSeconds(1), LEASE)).extracting(InboxMessage::id)
                .as("Alice's second push waits for her first").containsExactly("in1", "in2");
        assertThat(inbox.claim("w2", 10, T0.plusSeconds(1), LEASE)).as("her first is still pending, held by w1")
                .isEmpty();

        assertThat(inbox.applied("in1", "w1", "done")).isTrue();
        assertThat(inbox.claim("w2", 10, T0.plusSeconds(1), LEASE)).extracting(InboxMessage::id).containsExactly("in3");
    }

    @Test
    void a_claim_holds_for_its_lease_and_only_the_holder_settles_the_row() {
        inbox.add(entry("in1", "oAlice", T0));
        assertThat(inbox.claim("w1", 10, T0, LEASE)).hasSize(1);

        assertThat(inbox.claim("w2", 10, T0.plusSeconds(10), LEASE)).isEmpty();
        assertThat(inbox.claim("w2", 10, T0.plus(LEASE).plusSeconds(1), LEASE)).extracting(InboxMessage::id)
                .containsExactly("in1");
        assertThat(inbox.applied("in1", "w1", "late")).as("w1's lease ran out and w2 took the row").isFalse();
        assertThat(inbox.refused("in1", "w1", "late")).isFalse();
        assertThat(inbox.applied("in1", "w2", "done")).isTrue();
        assertThat(inbox.applied("in1", "w2", "twice")).as("an applied row is settled").isFalse();
    }

    @Test
    void a_refused_row_is_settled_like_an_applied_one() {
        inbox.add(entry("in1", "oAlice", T0));
        inbox.claim("w1", 10, T0, LEASE);

        assertThat(inbox.refused("in1", "w1", "card_pass_check not acted on: no card pUnknown")).isTrue();

        assertThat(inbox.count(State.REFUSED)).isEqualTo(1);
        assertThat(inbox.claim("w1", 10, T0.plus(LEASE).plusSeconds(1), LEASE)).isEmpty();
    }

    @Test
    void a_row_retried_later_comes_back_when_due_with_its_attempt_counted() {
        inbox.add(entry("in1", "oAlice", T0));
        inbox.claim("w1", 10, T0, LEASE);

        assertThat(inbox.retryLater("in1", "w1", T0.plusSeconds(30), "the database restarted")).isTrue();

        assertThat(inbox.claim("w1", 10, T0.plusSeconds(29), LEASE)).isEmpty();
        InboxMessage again = inbox.claim("w1", 10, T0.plusSeconds(30), LEASE).get(0);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.outcome()).contains("the database restarted");
    }

    @Test
    void a_dead_row_is_listed_and_can_be_offered_again_and_does_not_hold_back_its_sender() {
        inbox.add(entry("in1", "oAlice", T0));
        inbox.add(entry("in2", "oAlice", T0.plusMillis(1)));
        inbox.claim("w1", 10, T0, LEASE);

        assertThat(inbox.deadLetter("in1", "w1", "failed 12 times")).isTrue();

        var dead = inbox.deadLetters(PageRequest.first(10));
        assertThat(dead.total()).isEqualTo(1);
        assertThat(dead.items()).extracting(InboxMessage::id).containsExactly("in1");
        assertThat(dead.items().get(0).state()).isEqualTo(State.DEAD);
        assertThat(dead.items().get(0).outcome()).contains("failed 12 times");
        assertThat(inbox.claim("w1", 10, T0.plusSeconds(1), LEASE)).extracting(InboxMessage::id).containsExactly("in2");

        assertThat(inbox.revive("in1", T0.plusSeconds(5))).isTrue();
        assertThat(inbox.revive("in1", T0.plusSeconds(5))).as("no longer dead").isFalse();
        assertThat(inbox.revive("no-such-row", T0)).isFalse();
        assertThat(inbox.count(State.DEAD)).isZero();
        assertThat(inbox.claim("w2", 10, T0.plus(LEASE).plusSeconds(10), LEASE)).extracting(InboxMessage::id)
                .contains("in1");
    }

    @Test
    void an_applied_mark_in_a_transaction_that_fails_is_undone() {
        inbox.add(entry("in1", "oAlice", T0));
        inbox.claim("w1", 10, T0, LEASE);

        try {
            stores().transactions().inTransaction(() -> {
                inbox.applied("in1", "w1", "done");
                throw new IllegalStateException("the handling failed after the mark");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }

        assertThat(inbox.count(State.APPLIED)).isZero();
        assertThat(inbox.applied("in1", "w1", "done")).isTrue();
    }

    @Test
    void forgets_settled_rows_and_keys_by_age_and_keeps_pending_and_dead_ones() {
        inbox.add(entry("old-applied", "oA", T0));
        inbox.add(entry("old-refused", "oB", T0));
        inbox.add(entry("old-dead", "oC", T0));
        inbox.add(entry("old-pending", "oD", T0));
        inbox.add(entry("new-applied", "oE", T0.plus(Duration.ofHours(2))));
        inbox.claim("w1", 10, T0.plus(Duration.ofHours(2)), LEASE);
        inbox.applied("old-applied", "w1", "done");
        inbox.refused("old-refused", "w1", "no card");
        inbox.deadLetter("old-dead", "w1", "failed");
        inbox.applied("new-applied", "w1", "done");
        inbox.recordIfNew(tenant, "msg|6172", T0);

        int forgotten = inbox.forgetReceivedBefore(T0.plus(Duration.ofHours(1)));

        assertThat(forgotten).isEqualTo(3);
        assertThat(inbox.count(State.APPLIED)).isEqualTo(1);
        assertThat(inbox.count(State.REFUSED)).isZero();
        assertThat(inbox.count(State.DEAD)).isEqualTo(1);
        assertThat(inbox.count(State.PENDING)).isEqualTo(1);
        assertThat(inbox.recordIfNew(tenant, "msg|6172", T0)).isTrue();
    }
}
