package io.wxcard.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.OperatorStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.operator.Operator;
import io.wxcard.domain.operator.OperatorId;
import io.wxcard.domain.operator.OperatorName;
import io.wxcard.domain.operator.Role;
import io.wxcard.domain.tenant.TenantId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link OperatorStore} must do. */
public abstract class OperatorStoreContract {

    protected abstract OperatorStore operators();

    private OperatorStore operators;

    @BeforeEach
    void setUpStore() {
        operators = operators();
    }

    static Operator operator(TenantId tenant, String name, Role role) {
        return Operator.create(new OperatorId("op-" + UUID.randomUUID()), tenant, new OperatorName(name), role,
                "$2a$10$abcdefghijklmnopqrstuu5Zx3x8ZyQkPq0G4p3qYrOq3xJ8rV1Wm", Fixtures.T0);
    }

    @Test
    void keeps_every_field_and_finds_an_operator_by_name_and_by_id() {
        TenantId tenant = Fixtures.uniqueTenantId();
        Operator saved = operators.save(operator(tenant, "alice", Role.OPERATOR));

        assertThat(saved.version()).isEqualTo(1);
        assertThat(operators.find(tenant, new OperatorName("alice"))).contains(saved);
        assertThat(operators.find(tenant, saved.id())).contains(saved);
        assertThat(operators.find(tenant, new OperatorName("bob"))).isEmpty();
    }

    @Test
    void keeps_a_lock_out_and_clears_it() {
        TenantId tenant = Fixtures.uniqueTenantId();
        Operator saved = operators.save(operator(tenant, "alice", Role.VIEWER));
        Operator locked = saved;
        for (int i = 0; i < Operator.LOCK_AFTER; i++) {
            locked = locked.signInFailed(Fixtures.T0);
        }
        Operator stored = operators.save(locked);

        assertThat(operators.find(tenant, saved.id()).get().lockedUntil())
                .isEqualTo(Option.of(Fixtures.T0.plus(Operator.LOCKED_FOR)));
        operators.save(stored.signedIn());
        assertThat(operators.find(tenant, saved.id()).get().lockedUntil()).isEmpty();
        assertThat(operators.find(tenant, saved.id()).get().version()).isEqualTo(3);
    }

    @Test
    void refuses_a_stale_version_and_a_second_operator_of_the_same_name() {
        TenantId tenant = Fixtures.uniqueTenantId();
        Operator saved = operators.save(operator(tenant, "alice", Role.VIEWER));
        operators.save(saved.withRole(Role.ADMIN));

        assertThatThrownBy(() -> operators.save(saved.withRole(Role.OPERATOR)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> operators.save(operator(tenant, "alice", Role.ADMIN)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(operators.find(tenant, saved.id()).get().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void keeps_tenants_apart() {
        TenantId one = Fixtures.uniqueTenantId();
        TenantId other = Fixtures.uniqueTenantId();
        Operator mine = operators.save(operator(one, "alice", Role.ADMIN));
        operators.save(operator(other, "alice", Role.VIEWER));
        operators.save(operator(one, "bob", Role.VIEWER));

        assertThat(operators.find(other, mine.id())).isEmpty();
        assertThat(operators.list(one)).extracting(o -> o.name().value()).containsExactly("alice", "bob");
        assertThat(operators.list(other)).extracting(Operator::role).containsExactly(Role.VIEWER);
    }
}
