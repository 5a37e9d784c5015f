package io.wxcard.domain.tenant;

import java.util.Objects;

/**
 * A credential (appsecret, push token, EncodingAESKey, private key, APIv3 key, access token). Its {@code toString}
 * never shows the value, so a secret cannot reach a log line or an error message by accident; {@link #reveal()} is
 * the one, greppable, place it is read.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
