package io.wxcard.application.port.out.wechat.push;

import java.util.Map;

/**
 * A push exactly as it arrived at {@code /wechat/{tenant}/events}: the method, the query parameters and the raw body
 * bytes (verification needs them untouched).
 */
public record PushRequest(String method, Map<String, String> query, byte[] body) {
    public PushRequest {
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }
}
