package io.wxcard.application.port.out.store;

/**
 * The database could not be reached, or dropped the connection, in the middle of a store call (a restart, a network
 * cut, no free connection in time). A read can simply be tried again. Whether a write in flight was committed is not
 * known, so it is repeated only where a repeat is harmless: under the same idempotency key, which applies it once.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
