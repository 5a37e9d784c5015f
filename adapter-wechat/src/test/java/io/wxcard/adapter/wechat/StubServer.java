package io.wxcard.adapter.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A tiny HTTP server on loopback that answers what a test tells it to: for what the sandbox cannot produce (45011,
 * 40164, 48001, a forged WeChat Pay answer, a gateway page ...). Records every request it receives.
 */
final class StubServer implements AutoCloseable {

    record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer json(String json) {
            return new Answer(200, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        static Answer of(int status, String contentType, String body) {
            return new Answer(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Received, Answer>> routes = new ConcurrentHashMap<>();
    private volatile String upstream;
    private final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    final List<Received> received = new CopyOnWriteArrayList<>();

    StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    StubServer on(String path, Function<Received, Answer> answer) {
        routes.put(path, answer);
        return this;
    }

    /** Answers a fresh token on /cgi-bin/token, counting nothing else. */
    StubServer withTokens() {
        return on("/cgi-bin/token", r -> Answer.json("{\"access_token\":\"TOKEN" + System.nanoTime()
                + "\",\"expires_in\":7200}"));
    }

    /** Passes every request without a route of its own on to {@code baseUrl} (a proxy in front of the sandbox). */
    StubServer forwardingTo(String baseUrl) {
        this.upstream = baseUrl;
        return this;
    }

    /** Sends the request on to the upstream and answers what it answered. */
    Answer forward(Received request) {
        try {
            java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    upstream + request.path() + (request.query() == null ? "" : "?" + request.query())));
            String contentType = request.header("Content-Type");
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            builder.method(request.method(), request.body().length == 0 ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.body()));
            java.net.http.HttpResponse<byte[]> response = client.send(builder.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), Map.of("Content-Type",
                    response.headers().firstValue("Content-Type").orElse("application/json")), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
                exchange.getRequestBody().readAllBytes());
        received.add(request);
        Function<Received, Answer> route = routes.get(request.path());
        Answer answer = route != null ? route.apply(request)
                : upstream != null ? forward(request) : Answer.of(404, "text/plain", "no route");
        if (answer == null) { // drop the connection without an answer
            exchange.close();
            return;
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        if (answer.body().length > 0) {
            exchange.getResponseBody().write(answer.body());
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
