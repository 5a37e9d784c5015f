package io.wxcard.adapter.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook receiver on loopback (the JDK's HttpServer), that can be stopped and started again on its port. */
final class Receiver implements AutoCloseable {

    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String location;
    private HttpServer server;
    private int port;

    static Receiver start() {
        Receiver receiver = new Receiver();
        receiver.listen(0);
        return receiver;
    }

    void answer(int newStatus, String redirectTo) {
        status = newStatus;
        location = redirectTo;
    }

    java.net.URI url(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + path);
    }

    void stop() {
        server.stop(0);
    }

    void restart() {
        listen(port);
    }

    private void listen(int wanted) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    body));
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
