package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.SharedTokenStore;
import io.wxcard.application.port.out.store.SharedTokenStore.SharedToken;
import io.wxcard.application.port.out.store.SharedTokenStore.TokenKey;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.domain.tenant.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kind of WeChat credential (the access_token, or the {@code wx_card} ticket) for every account, cached in memory
 * and shared with the other instances through the {@link SharedTokenStore}.
 *
 * <ul>
 *   <li><b>In memory</b>: a token is used until shortly before it expires (the margin is taken off when it is
 *       stored: 5 minutes, or a fifth of a short lifetime).</li>
 *   <li><b>Single flight</b>: however many threads find the token stale at once, one of them (the leader) refreshes
 *       and the others wait for its result, success or failure, within their own deadline.</li>
 *   <li><b>Across instances</b>: the leader first reads the store; if no usable token is there it takes the lease,
 *       fetches, publishes (which frees the lease) and uses it. An instance that finds the lease taken polls the store
 *       briefly, within its deadline, for what the lease holder publishes. A lease holder that dies lets its lease
 *       run out ({@code callDeadline} + 1 s), and the next caller takes over.</li>
 *   <li><b>Compare-and-expire</b>: a token WeChat refused is expired only if it is still the current one, in memory
 *       and in the store, so a call that failed with an old token never throws away a newer one.</li>
 *   <li><b>No storms</b>: a fetch refused for quota, permission or credentials is remembered for
 *       {@link #REFUSAL_COOLDOWN}; callers get the same error without another call to WeChat.</li>
 * </ul>
 */
final class CredentialCache {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialCache.class);

    static final Duration MAX_MARGIN = Duration.ofMinutes(5);
    static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    static final Duration REFUSAL_COOLDOWN = Duration.ofSeconds(10);

    /** What a fetch answers: the value and WeChat's {@code expires_in}. Prints no value. */
    record Fetched(String value, long expiresInSeconds) {
        @Override
        public String toString() {
            return "Fetched[redacted, expiresIn=" + expiresInSeconds + "]";
        }
    }

    /** Fetches a new value from WeChat; {@code refused} is the value WeChat just refused, if that is why. */
    interface Fetcher {
        Either<WechatError, Fetched> fetch(WechatAccount account, Option<String> refused);
    }

    private record Refusal(WechatError error, Secret secret, Instant until) {}

    private final TokenKey.Kind kind;
    private final SharedTokenStore store;
    private final Clock clock;
    private final String owner;
    private final Duration leaseFor;
    private final Fetcher fetcher;
    private final ConcurrentMap<String, SharedToken> local = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CompletableFuture<Either<WechatError, SharedToken>>> flights =
            new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> refused = new ConcurrentHashMap<>();

    CredentialCache(TokenKey.Kind kind, SharedTokenStore store, Clock clock, WechatSettings settings, Fetcher fetcher) {
        this.kind = kind;
        this.store = store;
        this.clock = clock;
        this.owner = settings.instanceId();
        this.leaseFor = settings.callDeadline().plusSeconds(1);
        this.fetcher = fetcher;
    }

    /** The account's current value, refreshed if needed; gives up when the deadline passes. */
    Either<WechatError, String> current(WechatAccount account, Deadline deadline) {
        SharedToken cached = local.get(account.appId().value());
        if (cached != null && cached.usableAt(clock.now(), Duration.ZERO)) {
            return Either.right(cached.value());
        }
        return refresh(account, deadline).map(SharedToken::value);
    }

    /** WeChat refused {@code value}: expire it here and in the store, but only if it is still the current one. */
    void expire(WechatAccount account, String value) {
        String appId = account.appId().value();
        local.computeIfPresent(appId, (id, token) -> token.value().equals(value) ? null : token);
        refused.put(appId, value);
        if (store.expireIfCurrent(new TokenKey(appId, kind), value, clock.now())) {
            LOG.info("WeChat refused the {} of appid {}: expired it for every instance", describe(), appId);
        } else {
            LOG.debug("WeChat refused an old {} of appid {}; a newer one is already current", describe(), appId);
        }
    }

    private Either<WechatError, SharedToken> refresh(WechatAccount account, Deadline deadline) {
        String appId = account.appId().value();
        CompletableFuture<Either<WechatError, SharedToken>> mine = new CompletableFuture<>();
        CompletableFuture<Either<WechatError, SharedToken>> running = flights.putIfAbsent(appId, mine);
        if (running != null) {
            return await(running, deadline);
        }
        Either<WechatError, SharedToken> result;
        try {
            result = lead(account, deadline);
        } catch (RuntimeException e) {
            result = Either.left(new WechatError(Kind.TRANSIENT, "token_store",
                    "the " + describe() + " could not be refreshed (" + e.getClass().getSimpleName() + ")"));
            LOG.warn("refreshing the {} of appid {} failed", describe(), appId, e);
        }
        mine.complete(result);
        flights.remove(appId, mine);
        return result;
    }

    private Either<WechatError, SharedToken> await(CompletableFuture<Either<WechatError, SharedToken>> flight,
                                                   Deadline deadline) {
        try {
            return flight.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Either.left(waitedTooLong());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(waitedTooLong());
        } catch (ExecutionException e) {
            return Either.left(new WechatError(Kind.TRANSIENT, "token_store", "the " + describe() + " refresh failed"));
        }
    }

    /** The leader's refresh: the store first, then the lease and the fetch, or the lease holder's result. */
    private Either<WechatError, SharedToken> lead(WechatAccount account, Deadline deadline) {
        String appId = account.appId().value();
        TokenKey key = new TokenKey(appId, kind);
        SharedToken cached = local.get(appId);
        if (cached != null && cached.usableAt(clock.now(), Duration.ZERO)) {
            return Either.right(cached); // refreshed by the flight that ended just before this one began
        }
        Refusal refusal = refusals.get(appId);
        if (refusal != null && clock.now().isBefore(refusal.until()) && refusal.secret().equals(account.appSecret())) {
            return Either.left(refusal.error());
        }
        while (true) {
            Instant now = clock.now();
            Option<SharedToken> stored = store.read(key);
            if (stored.exists(token -> token.usableAt(now, Duration.ZERO))) {
                local.put(appId, stored.get());
                return Either.right(stored.get());
            }
            if (store.tryLease(key, owner, now, leaseFor)) {
                return fetchAsLeaseHolder(account, key);
            }
            if (!deadline.allows(POLL_INTERVAL) || !sleep(POLL_INTERVAL)) {
                return Either.left(waitedTooLong());
            }
        }
    }

    private Either<WechatError, SharedToken> fetchAsLeaseHolder(WechatAccount account, TokenKey key) {
        String appId = key.appId();
        Option<SharedToken> published = store.read(key);
        if (published.exists(token -> token.usableAt(clock.now(), Duration.ZERO))) {
            // published between our read and our lease: use it, and free the lease by publishing it unchanged
            store.publish(key, owner, published.get());
            local.put(appId, published.get());
            return Either.right(published.get());
        }
        Instant requestedAt = clock.now();
        Either<WechatError, Fetched> fetched = fetcher.fetch(account, Option.of(refused.get(appId)));
        if (fetched.isLeft()) {
            WechatError error = fetched.getLeft();
            if (error.kind() == Kind.QUOTA || error.kind() == Kind.FORBIDDEN || error.kind() == Kind.CLIENT_ERROR) {
                refusals.put(appId, new Refusal(error, account.appSecret(), clock.now().plus(REFUSAL_COOLDOWN)));
            }
            LOG.warn("fetching a new {} for appid {} failed: {}", describe(), appId, error);
            return Either.left(error); // the lease runs out by itself
        }
        refusals.remove(appId);
        refused.remove(appId);
        long lifetime = Math.max(1, fetched.get().expiresInSeconds());
        Duration margin = Duration.ofSeconds(lifetime).dividedBy(5);
        margin = margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin;
        SharedToken token = new SharedToken(fetched.get().value(), requestedAt.plusSeconds(lifetime).minus(margin));
        if (!store.publish(key, owner, token)) {
            // our lease ran out while fetching and another instance took over: prefer what it published
            Option<SharedToken> other = store.read(key);
            if (other.exists(t -> t.usableAt(clock.now(), Duration.ZERO))) {
                token = other.get();
            }
        }
        local.put(appId, token);
        LOG.info("fetched a new {} for appid {}, used until {}", describe(), appId, token.expiresAt());
        return Either.right(token);
    }

    private WechatError waitedTooLong() {
        return new WechatError(Kind.TRANSIENT, "token_wait",
                "no fresh " + describe() + " within the call deadline (another caller or instance is refreshing it)");
    }

    private String describe() {
        return kind == TokenKey.Kind.ACCESS_TOKEN ? "access_token" : "wx_card ticket";
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
