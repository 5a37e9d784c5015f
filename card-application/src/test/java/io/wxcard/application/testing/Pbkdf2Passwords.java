package io.wxcard.application.testing;

import io.wxcard.application.port.out.PasswordHasher;
import io.wxcard.domain.tenant.Secret;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A {@link PasswordHasher} for the application's tests, on the JDK's PBKDF2 (real, salted, but few iterations so
 * tests stay quick). The product uses the console adapter's bcrypt.
 */
public final class Pbkdf2Passwords implements PasswordHasher {

    private static final int ITERATIONS = 1000;
    private final SecureRandom random = new SecureRandom();

    @Override
    public String hash(Secret password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return "pbkdf2$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt));
    }

    @Override
    public boolean matches(Secret password, String hash) {
        String[] parts = hash.split("\\$");
        if (parts.length != 3 || !parts[0].equals("pbkdf2")) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[2]);
        return MessageDigest.isEqual(expected, derive(password, Base64.getDecoder().decode(parts[1])));
    }

    private static byte[] derive(Secret password, byte[] salt) {
        try {
            var spec = new PBEKeySpec(password.reveal().toCharArray(), salt, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
