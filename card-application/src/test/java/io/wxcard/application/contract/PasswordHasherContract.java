package io.wxcard.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.PasswordHasher;
import io.wxcard.domain.tenant.Secret;
import org.junit.jupiter.api.Test;

/** What every {@link PasswordHasher} must do. */
public abstract class PasswordHasherContract {

    protected abstract PasswordHasher hasher();

    @Test
    void a_hash_matches_its_password_and_no_other() {
        PasswordHasher hasher = hasher();
        String hash = hasher.hash(Secret.of("correct horse battery"));

        assertThat(hasher.matches(Secret.of("correct horse battery"), hash)).isTrue();
        assertThat(hasher.matches(Secret.of("correct horse batterY"), hash)).isFalse();
        assertThat(hash).doesNotContain("correct horse battery");
    }

    @Test
    void the_same_password_hashes_differently_each_time() {
        PasswordHasher hasher = hasher();

        assertThat(hasher.hash(Secret.of("same password"))).isNotEqualTo(hasher.hash(Secret.of("same password")));
    }

    @Test
    void a_hash_it_cannot_read_matches_nothing() {
        assertThat(hasher().matches(Secret.of("anything"), "not-a-hash")).isFalse();
    }
}
