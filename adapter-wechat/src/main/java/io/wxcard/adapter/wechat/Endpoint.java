package io.wxcard.adapter.wechat;

/**
 * Every WeChat endpoint the adapter calls, and whether repeating it is harmless. This is the one place the retry
 * policy is decided.
 *
 * <p>What is retried where ({@link CallRunner}):
 * <ul>
 *   <li>A request that never reached WeChat (connection refused, connect timeout) is retried on every endpoint:
 *       nothing can have been applied.</li>
 *   <li>An answer that leaves it open whether WeChat applied the call (errcode -1 "system busy", HTTP 5xx, a read
 *       timeout, a connection broken after sending, an unreadable answer) is retried only on an {@link #idempotent}
 *       endpoint, where a repeat lands on the same state and answers the same.</li>
 *   <li>Token errors (40001, 40014, 42001) mean the call was not applied: every endpoint is retried exactly once with
 *       a fresh token.</li>
 *   <li>Quota and permission errors (45009, 45011, 40164, 48001, HTTP 429) and every other errcode are never
 *       retried.</li>
 * </ul>
 * Retries back off exponentially with jitter, at most {@link CallRunner#MAX_ATTEMPTS} attempts in all, and never past
 * the caller's deadline ({@link WechatSettings#callDeadline()}).
 */
enum Endpoint {
    /** Always a new token; a repeat after a lost answer costs one call of the daily quota and nothing else. */
    TOKEN("/cgi-bin/token", true),
    /** Answers the current stable token; a repeat answers the same. */
    STABLE_TOKEN("/cgi-bin/stable_token", true),
    /** Answers the current ticket. */
    CARD_TICKET("/cgi-bin/ticket/getticket", true),

    /** NOT idempotent: a repeat creates a second card. */
    CARD_CREATE("/card/create", false),
    CARD_GET("/card/get", true),
    CARD_BATCHGET("/card/batchget", true),
    /**
     * Sets the definition, so a repeat lands on the same definition. Caveat: if the first attempt's answer was lost,
     * the repeat's {@code send_check} may say false although the first one sent the card to review; the card's status
     * ({@code /card/get}) tells the truth.
     */
    CARD_UPDATE("/card/update", true),
    /** NOT retried: the state converges, but a repeat answers 40078 (already deleted) for a delete that worked. */
    CARD_DELETE("/card/delete", false),
    /** NOT idempotent: increase/reduce are deltas, a repeat moves the stock twice. */
    CARD_MODIFYSTOCK("/card/modifystock", false),
    /** Adds the same testers again. */
    TEST_WHITELIST("/card/testwhitelist/set", true),
    /** NOT idempotent: a repeat makes a second QR code (and WeChat counts them). */
    QRCODE_CREATE("/card/qrcode/create", false),
    /** NOT idempotent: a repeat makes a second landing page. */
    LANDINGPAGE_CREATE("/card/landingpage/create", false),
    MPNEWS_GETHTML("/card/mpnews/gethtml", true),

    CODE_GET("/card/code/get", true),
    CODE_DECRYPT("/card/code/decrypt", true),
    /** NOT retried: irreversible, and a repeat answers 40099 (already unavailable) for a call that worked. */
    CODE_UNAVAILABLE("/card/code/unavailable", false),
    USER_CARDLIST("/card/user/getcardlist", true),
    /**
     * NOT retried: a repeat after a lost success may be refused (WeChat does not document it; the sandbox accepts
     * the same membership number again, the in-memory double answers 40078), and activation is rare enough to leave
     * to the caller's outbox.
     */
    MEMBERCARD_ACTIVATE("/card/membercard/activate", false),
    /** Sets the whole form; a repeat sets the same form. */
    ACTIVATION_FORM_SET("/card/membercard/activateuserform/set", true),
    ACTIVATE_GETURL("/card/membercard/activate/geturl", true),
    ACTIVATE_TEMPINFO("/card/membercard/activatetempinfo/get", true),
    USERINFO_GET("/card/membercard/userinfo/get", true),
    /**
     * Idempotent because the port's {@code MemberUpdate} always carries the absolute {@code bonus} and
     * {@code balance}: a repeat lands on the same totals ({@code add_*} only annotates the change for the member).
     */
    UPDATEUSER("/card/membercard/updateuser", true),

    /** WeChat Pay v3: the same {@code out_request_no} answers the same member, "already imported" counts as done. */
    PAY_IMPORT("/v3/marketing/membercard-open/cards/{card_id}/users/import", true);

    private final String path;
    private final boolean idempotent;

    Endpoint(String path, boolean idempotent) {
        this.path = path;
        this.idempotent = idempotent;
    }

    /** The path, for error messages and logs (never with the query string, which carries the token). */
    String path() {
        return path;
    }

    /** Whether a repeat is harmless and answers the same, so that an ambiguous failure may be retried. */
    boolean idempotent() {
        return idempotent;
    }
}
