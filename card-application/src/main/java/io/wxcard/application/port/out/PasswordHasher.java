package io.wxcard.application.port.out;

import io.wxcard.domain.tenant.Secret;

/** Hashes operators' passwords with a slow, salted algorithm (bcrypt, Argon2): a maintained library's. */
public interface PasswordHasher {

    /** A new hash, with a salt of its own, in the library's self-describing format. */
    String hash(Secret password);

    /** Whether the password is the one hashed; false for a hash this hasher cannot read. */
    boolean matches(Secret password, String hash);
}
