package io.wxcard.adapter.wechat;

import feign.Request;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The options of one Official Account call made with the access_token: Feign's timeouts, plus the token, which
 * {@link JdkFeignClient} appends to the query string as {@code access_token=...} (percent-encoded, should WeChat ever
 * put a character in it that needs it). {@link OaApi}'s methods that need a token take this type, so none can be
 * called without one; Feign passes the per-call options to the client untouched. Prints no token.
 */
final class TokenOptions extends Request.Options {
    private final String queryParameter;

    /** {@code timeouts}' timeouts, with {@code accessToken}. */
    TokenOptions(Request.Options timeouts, String accessToken) {
        super(timeouts.connectTimeout(), timeouts.connectTimeoutUnit(), timeouts.readTimeout(),
                timeouts.readTimeoutUnit(), timeouts.isFollowRedirects());
        this.queryParameter = "access_token=" + encoded(accessToken);
    }

    /** {@code access_token=...}, ready for the query string. */
    String queryParameter() {
        return queryParameter;
    }

    /** The token as it is when it needs no encoding (WeChat's are letters, digits, {@code -} and {@code _}). */
    static String encoded(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean unreserved = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                    || c == '_' || c == '.' || c == '~';
            if (!unreserved) {
                return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            }
        }
        return value;
    }

    @Override
    public String toString() {
        return "TokenOptions[readTimeoutMillis=" + readTimeoutMillis() + ", access_token=[redacted]]";
    }
}
