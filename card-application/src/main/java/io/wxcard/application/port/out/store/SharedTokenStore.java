package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;

/**
 * Where every instance finds the current WeChat access token (and card ticket) of an account, and how instances agree
 * that exactly one of them fetches a new one per expiry: the instance that takes the lease fetches and publishes; the
 * others wait for what it publishes.
 */
public interface SharedTokenStore {

    /** The stored token, if any, expired or not. */
    Option<SharedToken> read(TokenKey key);

    /**
     * Takes the right to fetch a new token until {@code now + leaseFor}, unless another owner holds an unexpired lease.
     * Taking a lease the same owner already holds renews it.
     *
     * @return true when {@code owner} now holds the lease
     */
    boolean tryLease(TokenKey key, String owner, Instant now, Duration leaseFor);

    /**
     * Stores a freshly fetched token and releases the lease, only while {@code owner} holds it.
     *
     * @return false (nothing stored) when the owner's lease ran out and someone else took it
     */
    boolean publish(TokenKey key, String owner, SharedToken token);

    /**
     * Marks the stored token expired, only if it is still {@code tokenValue} (compare-and-expire): a call that failed
     * with an old token must not throw away a newer one that another instance just published.
     *
     * @return true when the token was expired by this call
     */
    boolean expireIfCurrent(TokenKey key, String tokenValue, Instant now);

    /** Which account's which token. */
    record TokenKey(String appId, Kind kind) {
        public enum Kind { ACCESS_TOKEN, CARD_TICKET }
    }

    /** A token and when it stops working. Its {@code toString} hides the value. */
    record SharedToken(String value, Instant expiresAt) {
        public boolean usableAt(Instant now, Duration margin) {
            return now.plus(margin).isBefore(expiresAt);
        }

        @Override
        public String toString() {
            return "SharedToken[redacted, expiresAt=" + expiresAt + "]";
        }
    }
}
