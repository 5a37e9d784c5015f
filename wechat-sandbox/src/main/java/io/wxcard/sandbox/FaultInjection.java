package io.wxcard.sandbox;

import io.javalin.http.Context;
import java.io.IOException;

/** How an injected fault reaches the client. */
final class FaultInjection {
    private FaultInjection() {
    }

    /** Closes the connection without any answer, as a network failure or a crashed server would. */
    static void dropConnection(Context ctx) {
        org.eclipse.jetty.server.Request request = org.eclipse.jetty.server.Request.getBaseRequest(ctx.req());
        request.getHttpChannel().abort(new IOException("sandbox fault: connection dropped"));
    }

    /** A gateway's error page: not JSON, as WeChat's edge answers when a backend is down. */
    static void serviceUnavailable(Context ctx) {
        ctx.status(503).contentType("text/html; charset=utf-8")
                .result("<html><head><title>503 Service Temporarily Unavailable</title></head><body>"
                        + "<center><h1>503 Service Temporarily Unavailable</h1></center></body></html>");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
