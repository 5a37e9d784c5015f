package io.wxcard.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.contract.PasswordHasherContract;
import io.wxcard.application.port.out.PasswordHasher;
import io.wxcard.domain.tenant.Secret;
import org.junit.jupiter.api.Test;

/** The password hasher contract on bcrypt, and what bcrypt adds. */
class BcryptPasswordsTest extends PasswordHasherContract {

    @Override
    protected PasswordHasher hasher() {
        return new BcryptPasswords();
    }

    @Test
    void hashes_in_the_bcrypt_format_at_its_cost() {
        assertThat(new BcryptPasswords().hash(Secret.of("a password"))).startsWith("$2a$" + BcryptPasswords.COST + "$")
                .hasSize(60);
    }

    @Test
    void a_password_longer_than_bcrypt_reads_matches_nothing() {
        String hash = new BcryptPasswords().hash(Secret.of("x".repeat(72)));

        assertThat(new BcryptPasswords().matches(Secret.of("x".repeat(73)), hash)).isFalse();
    }
}
