package io.wxcard.domain.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OperatorTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private final Operator alice = Operator.create(new OperatorId("op-1"), new TenantId("t1"), new OperatorName("Alice"),
            Role.OPERATOR, "hash", NOW);

    @Test
    void locks_out_after_repeated_failures_and_unlocks_after_the_lock_out() {
        Operator operator = alice;
        for (int i = 1; i < Operator.LOCK_AFTER; i++) {
            operator = operator.signInFailed(NOW);
            assertThat(operator.isLockedAt(NOW)).isFalse();
        }
        operator = operator.signInFailed(NOW);

        assertThat(operator.isLockedAt(NOW)).isTrue();
        assertThat(operator.isLockedAt(NOW.plus(Operator.LOCKED_FOR))).isFalse();
    }

    @Test
    void a_success_forgets_the_failures() {
        Operator operator = alice.signInFailed(NOW).signInFailed(NOW).signedIn();

        assertThat(operator.failedSignIns()).isZero();
        assertThat(operator.lockedUntil()).isEmpty();
    }

    @Test
    void each_role_includes_those_before_it() {
        assertThat(OperatorAction.READ.allowedTo(Role.VIEWER)).isTrue();
        assertThat(OperatorAction.CHANGE_LEDGER.allowedTo(Role.VIEWER)).isFalse();
        assertThat(OperatorAction.CHANGE_LEDGER.allowedTo(Role.OPERATOR)).isTrue();
        assertThat(OperatorAction.EDIT_CARD.allowedTo(Role.OPERATOR)).isFalse();
        assertThat(OperatorAction.MANAGE_OPERATORS.allowedTo(Role.ADMIN)).isTrue();
    }

    @Test
    void names_are_lower_cased_and_checked() {
        assertThat(alice.name().value()).isEqualTo("alice");
        assertThatThrownBy(() -> new OperatorName("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(alice.toString()).doesNotContain("hash");
    }
}
