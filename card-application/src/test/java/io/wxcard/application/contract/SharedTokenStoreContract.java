package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.store.SharedTokenStore;
import io.wxcard.application.port.out.store.SharedTokenStore.SharedToken;
import io.wxcard.application.port.out.store.SharedTokenStore.TokenKey;
import io.wxcard.application.testing.StoreSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SharedTokenStore} must do. */
public abstract class SharedTokenStoreContract {

    protected abstract StoreSet stores();

    private static final Duration LEASE = Duration.ofSeconds(10);
    private SharedTokenStore tokens;
    private final TokenKey key = new TokenKey("wx" + UUID.randomUUID().toString().substring(0, 8), TokenKey.Kind.ACCESS_TOKEN);

    @BeforeEach
    void setUpStore() {
        tokens = stores().tokens();
    }

    @Test
    void has_no_token_before_one_is_published() {
        assertThat(tokens.read(key)).isEmpty();
    }

    @Test
    void lets_the_lease_holder_publish_a_token_that_everyone_reads() {
        assertThat(tokens.tryLease(key, "instance-a", T0, LEASE)).isTrue();
        SharedToken token = new SharedToken("t".repeat(512), T0.plusSeconds(7200));

        assertThat(tokens.publish(key, "instance-a", token)).isTrue();

        assertThat(tokens.read(key)).contains(token);
    }

    @Test
    void gives_the_lease_to_one_owner_at_a_time_until_it_runs_out() {
        assertThat(tokens.tryLease(key, "instance-a", T0, LEASE)).isTrue();

        assertThat(tokens.tryLease(key, "instance-b", T0.plusSeconds(5), LEASE)).isFalse();
        assertThat(tokens.tryLease(key, "instance-b", T0.plus(LEASE).plusSeconds(1), LEASE)).isTrue();
        assertThat(tokens.publish(key, "instance-a", new SharedToken("late", T0.plusSeconds(7200)))).isFalse();
        assertThat(tokens.read(key)).isEmpty();
    }

    @Test
    void frees_the_lease_when_the_token_is_published() {
        tokens.tryLease(key, "instance-a", T0, LEASE);
        tokens.publish(key, "instance-a", new SharedToken("first", T0.plusSeconds(7200)));

        assertThat(tokens.tryLease(key, "instance-b", T0.plusSeconds(1), LEASE)).isTrue();
    }

    @Test
    void expires_a_token_only_if_it_is_still_the_current_one() {
        tokens.tryLease(key, "instance-a", T0, LEASE);
        tokens.publish(key, "instance-a", new SharedToken("old", T0.plusSeconds(7200)));
        tokens.tryLease(key, "instance-b", T0.plusSeconds(1), LEASE);
        tokens.publish(key, "instance-b", new SharedToken("new", T0.plusSeconds(7300)));

        assertThat(tokens.expireIfCurrent(key, "old", T0.plusSeconds(2))).isFalse();
        assertThat(tokens.read(key).get().value()).isEqualTo("new");
        assertThat(tokens.read(key).get().usableAt(T0.plusSeconds(2), Duration.ZERO)).isTrue();

        assertThat(tokens.expireIfCurrent(key, "new", T0.plusSeconds(3))).isTrue();
        assertThat(tokens.read(key).get().usableAt(T0.plusSeconds(3), Duration.ZERO)).isFalse();
    }

    @Test
    void keeps_kinds_and_accounts_apart() {
        TokenKey ticket = new TokenKey(key.appId(), TokenKey.Kind.CARD_TICKET);
        tokens.tryLease(key, "a", T0, LEASE);
        tokens.publish(key, "a", new SharedToken("access", T0.plusSeconds(7200)));

        assertThat(tokens.read(ticket)).isEmpty();
        assertThat(tokens.tryLease(ticket, "b", T0, LEASE)).isTrue();
    }

    @Test
    void grants_the_lease_to_exactly_one_of_many_concurrent_owners() throws Exception {
        int owners = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> granted = new ArrayList<>();
        for (int i = 0; i < owners; i++) {
            String owner = "instance-" + i;
            granted.add(pool.submit(() -> {
                start.await();
                return tokens.tryLease(key, owner, T0, LEASE);
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : granted) {
            winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
    }
}
