package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests no well-behaved client would send, written byte by byte: what Jetty refuses before Javalin sees it is a
 * problem too, and a query string that cannot be decoded is refused rather than silently dropped.
 */
class RawHttpTest {

    private static ApiHarness h;
    private static Merchant m;

    @BeforeAll
    static void start() {
        h = new ApiHarness();
        m = h.newMerchant();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    /** Status line, headers (lower-case names) and body of a raw GET. */
    private record Raw(int status, String headers, String body) {
        JsonNode json() throws IOException {
            return Http.JSON.readTree(body);
        }
    }

    private static Raw get(String target, String extraHeaders) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", h.api.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + m.key + "\r\n"
                    + extraHeaders + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            return new Raw(Integer.parseInt(answer.split(" ")[1]), answer.substring(0, split).toLowerCase(),
                    answer.substring(split + 4));
        }
    }

    @Test
    void a_query_that_is_not_percent_encoded_utf8_is_refused_not_dropped() throws IOException {
        for (String target : new String[] {"/v1/cards?state=%ZZ", "/v1/cards?%ZZ=1", "/v1/cards?state=%E0%A4%A",
                "/v1/cards?state=%C0%AF"}) {
            Raw answer = get(target, "");
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.json().get("type").asText()).endsWith("/invalid-request");
        }
    }

    @Test
    void a_query_parameter_given_twice_is_refused() throws IOException {
        Raw answer = get("/v1/cards?limit=1&limit=2", "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).isEqualTo("limit is given more than once");
    }

    @Test
    void what_jetty_refuses_itself_is_a_problem_with_a_request_id_not_an_html_page() throws IOException {
        Raw badPath = get("/v1/cards/%ZZ", "");
        Raw longUri = get("/v1/cards/" + "x".repeat(20_000), "");
        Raw hugeHeader = get("/v1/cards", "X-Filler: " + "y".repeat(20_000) + "\r\n");

        for (Raw answer : new Raw[] {badPath, longUri, hugeHeader}) {
            assertThat(answer.status()).isBetween(400, 499);
            assertThat(answer.headers()).contains("content-type: application/problem+json", "x-request-id: ");
            assertThat(answer.json().get("type").asText()).endsWith("/malformed-http");
        }
        assertThat(longUri.status()).isEqualTo(414);
        assertThat(hugeHeader.status()).isEqualTo(431);
    }
}
