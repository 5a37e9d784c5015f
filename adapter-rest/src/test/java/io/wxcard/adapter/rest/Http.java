package io.wxcard.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A small client for the API under test: real HTTP on loopback. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String apiKey;

    Http(int port, String apiKey) {
        this.base = "http://127.0.0.1:" + port;
        this.apiKey = apiKey;
    }

    Http as(String otherKey) {
        return new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherKey);
    }

    /** One answer: status, headers, body. */
    record Answer(int status, Map<String, String> headers, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body(), e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The problem's type slug (the part after https://wxcard.dev/problems/). */
        String problemType() {
            String type = json().path("type").asText();
            return type.substring(type.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }

    Answer get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    Answer post(String path, String json) {
        return send("POST", path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
    }

    Answer post(String path, String json, Map<String, String> headers) {
        return send("POST", path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), "application/json", headers);
    }

    Answer put(String path, String json) {
        return send("PUT", path, json.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
    }

    Answer patch(String path, String json) {
        return send("PATCH", path, json.getBytes(StandardCharsets.UTF_8), "application/merge-patch+json", Map.of());
    }

    Answer delete(String path) {
        return send("DELETE", path, null, null, Map.of());
    }

    /**
     * The first GET of /openapi.json resolves the document's schemas (a second or so, several times that on a
     * machine loaded many times over), so a request may take a while before any test calls it slow.
     */
    Answer send(String method, String path, byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return exchange(request, method, path);
    }

    /**
     * POSTs a body streamed from the stream the supplier gives (chunked: no Content-Length), so that a test can send
     * more than it would want to hold.
     */
    Answer stream(String path, Supplier<InputStream> body, String contentType, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        request.header("Content-Type", contentType);
        return exchange(request, "POST", path);
    }

    private static Answer exchange(HttpRequest.Builder request, String method, String path) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> flat = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> flat.put(name.toLowerCase(), String.join(",", values)));
            return new Answer(response.statusCode(), flat, response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
