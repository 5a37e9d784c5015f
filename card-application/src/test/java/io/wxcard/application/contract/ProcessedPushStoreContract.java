package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.store.ProcessedPushStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ProcessedPushStore} must do. */
public abstract class ProcessedPushStoreContract {

    protected abstract StoreSet stores();

    private ProcessedPushStore pushes;
    private final TenantId tenant = Fixtures.uniqueTenantId();

    @BeforeEach
    void setUpStore() {
        pushes = stores().processedPushes();
        stores().tenants().save(Fixtures.tenant(tenant));
    }

    @Test
    void knows_a_push_it_has_seen() {
        String key = "oAlice|1764208278|user_get_card|pCard|100001";

        assertThat(pushes.recordIfNew(tenant, key, T0)).isTrue();
        assertThat(pushes.recordIfNew(tenant, key, T0.plusSeconds(5))).isFalse();
    }

    @Test
    void keeps_tenants_apart() {
        TenantId other = Fixtures.uniqueTenantId();
        stores().tenants().save(Fixtures.tenant(other));
        String key = "oAlice|1764208278|user_get_card|pCard|100001";
        pushes.recordIfNew(tenant, key, T0);

        assertThat(pushes.recordIfNew(other, key, T0)).isTrue();
    }

    @Test
    void accepts_keys_as_long_as_wechat_can_make_them() {
        String key = "o".repeat(64) + "|1764208278|submit_membercard_user_info|" + "p".repeat(64) + "|" + "9".repeat(64);

        assertThat(pushes.recordIfNew(tenant, key, T0)).isTrue();
        assertThat(pushes.recordIfNew(tenant, key, T0)).isFalse();
    }

    @Test
    void forgets_only_what_is_older_than_the_cutoff() {
        pushes.recordIfNew(tenant, "old", T0);
        pushes.recordIfNew(tenant, "new", T0.plus(Duration.ofHours(2)));

        int forgotten = pushes.forgetReceivedBefore(T0.plus(Duration.ofHours(1)));

        assertThat(forgotten).isGreaterThanOrEqualTo(1);
        assertThat(pushes.recordIfNew(tenant, "old", T0.plus(Duration.ofHours(3)))).isTrue();
        assertThat(pushes.recordIfNew(tenant, "new", T0.plus(Duration.ofHours(3)))).isFalse();
    }
}
