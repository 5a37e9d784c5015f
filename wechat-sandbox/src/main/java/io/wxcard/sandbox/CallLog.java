package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The calls received on the WeChat APIs, newest last, for {@code GET /sandbox/calls}. It records the path (never the
 * query string, which carries the access_token and the secret), the account, the outcome and any injected fault.
 */
final class CallLog {
    private static final int KEPT = 10_000;

    record Call(long timeMs, String method, String path, String appId, Integer errcode, String payCode,
                int httpStatus, String fault, long durationMs) {
    }

    private final Deque<Call> calls = new ArrayDeque<>();

    synchronized void record(Call call) {
        calls.addLast(call);
        if (calls.size() > KEPT) {
            calls.removeFirst();
        }
    }

    /** The latest {@code limit} calls matching the filters (null: any), oldest first. */
    ArrayNode report(String pathPrefix, String appId, int limit) {
        Call[] snapshot;
        synchronized (this) {
            snapshot = calls.toArray(new Call[0]);
        }
        ArrayNode out = Json.array();
        int start = snapshot.length;
        int matched = 0;
        while (start > 0 && matched < limit) {
            start--;
            if (matches(snapshot[start], pathPrefix, appId)) {
                matched++;
            }
        }
        for (int i = start; i < snapshot.length; i++) {
            Call call = snapshot[i];
            if (!matches(call, pathPrefix, appId)) {
                continue;
            }
            ObjectNode row = out.addObject().put("time", call.timeMs).put("method", call.method)
                    .put("path", call.path).put("appid", call.appId).put("http_status", call.httpStatus)
                    .put("duration_ms", call.durationMs);
            if (call.errcode != null) {
                row.put("errcode", call.errcode);
            }
            if (call.payCode != null) {
                row.put("code", call.payCode);
            }
            if (call.fault != null) {
                row.put("fault", call.fault);
            }
        }
        return out;
    }

    private static boolean matches(Call call, String pathPrefix, String appId) {
        return (pathPrefix == null || call.path.startsWith(pathPrefix))
                && (appId == null || appId.equals(call.appId));
    }

    synchronized void clear() {
        calls.clear();
    }
}
