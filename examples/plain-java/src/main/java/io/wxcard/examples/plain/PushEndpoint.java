package io.wxcard.examples.plain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wxcard.application.port.in.AcceptWechatPushUseCase;
import io.wxcard.application.port.in.AcceptWechatPushUseCase.PushOutcome;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.domain.tenant.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * WeChat's push URL ({@code /wechat/{tenant}/events}) on the JDK's own HTTP server: whatever server a team runs, this
 * is all the push use case needs from it (the method, the query, the body) and all it answers (a status and a text).
 */
public final class PushEndpoint implements AutoCloseable {

    private static final int MAX_PUSH_BYTES = 64 * 1024;
    private final HttpServer server;

    public PushEndpoint(AcceptWechatPushUseCase pushes) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/wechat/", exchange -> {
            try (exchange) {
                String[] path = exchange.getRequestURI().getPath().split("/"); // "", "wechat", tenant, "events"
                TenantId tenant;
                try {
                    tenant = new TenantId(path.length > 2 ? path[2] : "");
                } catch (IllegalArgumentException notAnId) {
                    answer(exchange, 404, "unknown tenant");
                    return;
                }
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readNBytes(MAX_PUSH_BYTES);
                }
                PushOutcome outcome = pushes.accept(tenant, new PushRequest(exchange.getRequestMethod(),
                        query(exchange.getRequestURI().getRawQuery()), body));
                if (outcome instanceof PushOutcome.Echo echo) {
                    answer(exchange, 200, echo.echostr());
                } else if (outcome instanceof PushOutcome.Accepted) {
                    answer(exchange, 200, "success");
                } else {
                    answer(exchange, outcome instanceof PushOutcome.UnknownTenant ? 404 : 503, "not handled");
                }
            }
        });
        server.start();
    }

    public String url(TenantId tenant) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/wechat/" + tenant.value() + "/events";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(1);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdown();
    }
}
