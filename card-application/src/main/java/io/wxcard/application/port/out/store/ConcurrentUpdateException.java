package io.wxcard.application.port.out.store;

/**
 * A store refused a write because someone else changed the same thing first (a stale version, a ledger sequence or
 * idempotency key already taken). Nothing was written. Services retry the whole unit of work, reading afresh.
 */
public class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String message) {
        super(message);
    }

    public ConcurrentUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
