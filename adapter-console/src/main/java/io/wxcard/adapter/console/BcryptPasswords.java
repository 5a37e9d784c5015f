package io.wxcard.adapter.console;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.wxcard.application.port.out.PasswordHasher;
import io.wxcard.domain.tenant.Secret;
import java.nio.charset.StandardCharsets;

/** Operators' passwords hashed with bcrypt (cost 10, version 2a), by the at.favre.lib bcrypt library. */
final class BcryptPasswords implements PasswordHasher {

    static final int COST = 10;

    @Override
    public String hash(Secret password) {
        return BCrypt.withDefaults().hashToString(COST, password.reveal().toCharArray());
    }

    @Override
    public boolean matches(Secret password, String hash) {
        // bcrypt reads at most 72 bytes; the library refuses longer input rather than cutting it silently
        if (password.reveal().getBytes(StandardCharsets.UTF_8).length > 72) {
            return false;
        }
        try {
            return BCrypt.verifyer().verify(password.reveal().toCharArray(), hash).verified;
        } catch (IllegalArgumentException notBcrypt) {
            return false;
        }
    }
}
