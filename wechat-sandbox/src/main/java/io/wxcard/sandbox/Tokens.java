package io.wxcard.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * access_tokens and wx_card api tickets, with WeChat's rules: a token lives {@code tokenLifetime}; fetching a new one
 * supersedes the previous one, which keeps working for {@code tokenOverlap}; {@code /cgi-bin/token} and
 * {@code /cgi-bin/stable_token} are separate series that never invalidate each other; {@code /cgi-bin/token} has a
 * daily quota per account.
 */
final class Tokens {
    enum Series { TOKEN, STABLE }

    /** Tokens are base64url, so anything else cannot be a token at all (40014) rather than a stale one (40001). */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_\\-]{1,512}");
    private static final ZoneId WECHAT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int STABLE_DAILY_QUOTA = 500_000;
    /** stable_token force_refresh: WeChat allows 20 a day, at least 30 s apart. */
    static final int FORCED_REFRESHES_PER_DAY = 20;
    static final long FORCED_REFRESH_SPACING_MS = 30_000;

    private static final class Credential {
        final String appId;
        final long expiresAtMs;
        volatile long supersededAtMs = Long.MAX_VALUE;
        volatile boolean expiredByFault;
        volatile boolean revoked; // by a stable_token force_refresh: no overlap
        volatile boolean refusedByFault; // fault refuse_stable_tokens: 40001, yet stable_token still answers it

        Credential(String appId, long expiresAtMs) {
            this.appId = appId;
            this.expiresAtMs = expiresAtMs;
        }

        long remainingMs(long now) {
            return expiredByFault ? 0 : Math.max(0, expiresAtMs - now);
        }
    }

    /** What a caller receives: the token (or ticket) and its {@code expires_in}. */
    record Issued(String value, long expiresInSeconds) {
    }

    private final Clock clock;
    private final Duration lifetime;
    private final Duration overlap;
    private final int dailyQuota;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Credential> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> latestBySeries = new ConcurrentHashMap<>(); // appId|series -> token
    private final Map<String, Integer> callsByDay = new ConcurrentHashMap<>(); // appId|series|date -> count
    private final Map<String, String> tickets = new ConcurrentHashMap<>(); // appId -> ticket
    private final Map<String, Credential> ticketState = new ConcurrentHashMap<>();
    private final Map<String, Long> lastForcedAtMs = new ConcurrentHashMap<>(); // appId -> time
    private final boolean forceRefreshLimits;

    Tokens(Clock clock, Duration lifetime, Duration overlap, int dailyQuota, boolean forceRefreshLimits) {
        this.clock = clock;
        this.forceRefreshLimits = forceRefreshLimits;
        this.lifetime = lifetime;
        this.overlap = overlap;
        this.dailyQuota = dailyQuota;
    }

    /** {@code /cgi-bin/token}: always a new token (WeChat's documented behaviour), within the daily quota. */
    Issued fetch(String appId) {
        countCall(appId, Series.TOKEN, dailyQuota);
        return issue(appId, Series.TOKEN);
    }

    /**
     * {@code /cgi-bin/stable_token}: the current stable token while it has more than the overlap left, else a new
     * one (the previous one overlaps). {@code forceRefresh} makes a new one and invalidates the previous one at once,
     * as WeChat documents; with the limits on, a forced refresh less than 30 s after the previous one answers the
     * current token unrefreshed, and the 21st of the day (Asia/Shanghai) is refused with 45009.
     */
    Issued fetchStable(String appId, boolean forceRefresh) {
        countCall(appId, Series.STABLE, STABLE_DAILY_QUOTA);
        synchronized (this) {
            String current = latestBySeries.get(appId + "|" + Series.STABLE);
            Credential credential = current == null ? null : tokens.get(current);
            long now = clock.millis();
            boolean usable = credential != null && credential.remainingMs(now) > 0 && !credential.revoked;
            if (forceRefresh && forceRefreshLimits) {
                Long last = lastForcedAtMs.get(appId);
                if (usable && last != null && now - last < FORCED_REFRESH_SPACING_MS) {
                    return new Issued(current, credential.remainingMs(now) / 1000);
                }
                String day = appId + "|FORCED|" + LocalDate.now(clock.withZone(WECHAT_ZONE));
                if (callsByDay.getOrDefault(day, 0) >= FORCED_REFRESHES_PER_DAY) {
                    throw new WxException(45009, "reach max api daily quota limit (force_refresh: 20 a day)");
                }
                callsByDay.merge(day, 1, Integer::sum);
            }
            if (forceRefresh) {
                lastForcedAtMs.put(appId, now);
                Issued issued = issue(appId, Series.STABLE);
                if (credential != null) {
                    credential.revoked = true;
                }
                return issued;
            }
            if (credential != null && credential.remainingMs(now) > overlap.toMillis()) {
                return new Issued(current, credential.remainingMs(now) / 1000);
            }
            return issue(appId, Series.STABLE);
        }
    }

    private synchronized Issued issue(String appId, Series series) {
        long now = clock.millis();
        String value = newValue(96);
        tokens.put(value, new Credential(appId, now + lifetime.toMillis()));
        String previous = latestBySeries.put(appId + "|" + series, value);
        if (previous != null && tokens.containsKey(previous)) {
            tokens.get(previous).supersededAtMs = now;
        }
        return new Issued(value, lifetime.toSeconds());
    }

    /** The appid a token belongs to, or the refusal WeChat gives for it. */
    String authenticate(String token) {
        if (token == null || token.isEmpty()) {
            throw new WxException(41001, "access_token missing");
        }
        if (!WELL_FORMED.matcher(token).matches()) {
            throw new WxException(40014, "invalid access_token");
        }
        Credential credential = tokens.get(token);
        if (credential == null) {
            throw new WxException(40001, "invalid credential, access_token is invalid or not latest");
        }
        long now = clock.millis();
        if (credential.remainingMs(now) == 0) {
            throw new WxException(42001, "access_token expired");
        }
        if (credential.revoked || credential.refusedByFault
                || now - credential.supersededAtMs >= overlap.toMillis()) { // MAX_VALUE: latest
            throw new WxException(40001, "invalid credential, access_token is invalid or not latest");
        }
        return credential.appId;
    }

    /** The wx_card api ticket: the same one until it expires. */
    synchronized Issued cardTicket(String appId) {
        long now = clock.millis();
        String current = tickets.get(appId);
        Credential state = current == null ? null : ticketState.get(current);
        if (state != null && state.remainingMs(now) > 0) {
            return new Issued(current, state.remainingMs(now) / 1000);
        }
        String ticket = newValue(64);
        tickets.put(appId, ticket);
        ticketState.put(ticket, new Credential(appId, now + lifetime.toMillis()));
        if (current != null) {
            ticketState.remove(current);
        }
        return new Issued(ticket, lifetime.toSeconds());
    }

    /**
     * The fault {@code refuse_stable_tokens} (one-shot): each account's current stable token answers 40001 from now on,
     * while {@code stable_token} in normal mode keeps answering it until a {@code force_refresh}. Not a documented
     * WeChat behaviour: it is the case a client's one forced refresh exists for (a token WeChat refuses but still
     * hands out).
     */
    synchronized void refuseCurrentStableTokens() {
        latestBySeries.forEach((key, value) -> {
            if (key.endsWith("|" + Series.STABLE) && tokens.containsKey(value)) {
                tokens.get(value).refusedByFault = true;
            }
        });
    }

    /** The fault {@code expire_tokens}: every token and ticket issued so far is expired from now on. */
    void expireAll() {
        tokens.values().forEach(c -> c.expiredByFault = true);
        ticketState.values().forEach(c -> c.expiredByFault = true);
    }

    synchronized void clear() {
        tokens.clear();
        latestBySeries.clear();
        callsByDay.clear();
        tickets.clear();
        ticketState.clear();
        lastForcedAtMs.clear();
    }

    private void countCall(String appId, Series series, int quota) {
        String key = appId + "|" + series + "|" + LocalDate.now(clock.withZone(WECHAT_ZONE));
        int calls = callsByDay.merge(key, 1, Integer::sum);
        if (calls > quota) {
            throw new WxException(45009, "reach max api daily quota limit");
        }
    }

    private String newValue(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
