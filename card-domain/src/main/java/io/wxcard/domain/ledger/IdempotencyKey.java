package io.wxcard.domain.ledger;

import java.util.Objects;

/**
 * The caller's name for one intended change. Applying a change under a key that was already used changes nothing and
 * answers what the first application answered.
 */
public record IdempotencyKey(String value) {
    public static final int MAX_LENGTH = 128;

    public IdempotencyKey {
        Objects.requireNonNull(value, "idempotency key");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an idempotency key has 1 to " + MAX_LENGTH + " characters, got " + value.length());
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("an idempotency key holds printable ASCII characters without spaces");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
