package io.wxcard.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON client of the running service (and of the sandbox's control API), for the CLI's commands. */
final class HttpJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    HttpJson(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
    }

    /** An answer: its status, its headers' first values, and its body as JSON (empty object for non-JSON bodies). */
    record Answer(int status, Map<String, String> headers, JsonNode body) {
        JsonNode ok(String what) {
            if (status / 100 != 2) {
                StringBuilder problem = new StringBuilder(what + " failed: HTTP " + status + " "
                        + (body.has("detail") ? body.get("detail").asText() : body.toString()));
                body.path("errors").forEach(error -> problem.append("\n  - ").append(error.path("field").asText())
                        .append(": ").append(error.path("message").asText()));
                throw new IllegalStateException(problem.toString());
            }
            return body;
        }
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    Answer post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        headers.forEach(builder::header);
        return send(builder);
    }

    Answer put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    Answer postFile(String path, java.nio.file.Path file, String contentType) throws IOException {
        return send(request(path).header("Content-Type", contentType).timeout(Duration.ofHours(2))
                .POST(HttpRequest.BodyPublishers.ofFile(file)));
    }

    /** A multipart/form-data upload of one file part, as a browser form sends it. */
    Answer postPart(String path, String field, String fileName, String contentType, byte[] content) {
        String boundary = "wxcard-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = JSON.createObjectNode().put("text", response.body());
            }
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
            return new Answer(response.statusCode(), headers, body);
        } catch (IOException unreachable) {
            throw new IllegalStateException("cannot reach " + baseUrl + ": " + unreachable.getMessage()
                    + " (is the service running? start it with: java -jar bootstrap/target/card-service.jar)");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    static String write(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException invalid) {
            throw new IllegalArgumentException("not JSON: " + invalid.getMessage());
        }
    }
}
