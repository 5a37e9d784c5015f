package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every malformed body we could think of, against every write route: each is answered with a 4xx problem, never a
 * 500, and leaves the stores exactly as they were.
 */
class MalformedInputTest {

    private static WriteTargets targets;
    private static ApiHarness h;

    @BeforeAll
    static void start() {
        targets = new WriteTargets();
        h = targets.h;
    }

    @AfterAll
    static void stop() {
        targets.close();
    }

    private static List<Route> writeRoutes() {
        return targets.writeRoutes();
    }

    private static Http.Answer send(Route route, byte[] body, String contentType) {
        return targets.send(route, body, contentType);
    }

    private static String mediaType(Route route) {
        return WriteTargets.mediaType(route);
    }

    private static Route route(String operationId) {
        return targets.route(operationId);
    }

    private static String abbreviate(Http.Answer answer) {
        return WriteTargets.abbreviate(answer);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Bodies no write route accepts, each with a name for the failure message. */
    static Map<String, byte[]> malformed() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("truncated JSON", utf8("{\"card\":{\"card_type\":\"MEMBER_CARD\",\"member_card\":{"));
        bodies.put("truncated string", utf8("{\"reason\":\"Tea"));
        bodies.put("not JSON", utf8("hello"));
        bodies.put("XML", utf8("<xml><delta>5</delta></xml>"));
        bodies.put("null", utf8("null"));
        bodies.put("an array", utf8("[]"));
        bodies.put("an array of objects", utf8("[{\"delta\":5,\"reason\":\"Tea\"}]"));
        bodies.put("a string", utf8("\"{}\""));
        bodies.put("a number", utf8("42"));
        bodies.put("true", utf8("true"));
        bodies.put("a number as a string", utf8("{\"delta\":\"10\",\"reason\":\"Tea\"}"));
        bodies.put("a fraction", utf8("{\"delta\":1.5,\"reason\":\"Tea\"}"));
        bodies.put("an integral fraction", utf8("{\"delta\":10.0,\"reason\":\"Tea\"}"));
        bodies.put("a boolean for a number", utf8("{\"delta\":true,\"reason\":\"Tea\"}"));
        bodies.put("a number for a string", utf8("{\"delta\":5,\"reason\":5}"));
        bodies.put("an object for a string", utf8("{\"delta\":5,\"reason\":{}}"));
        bodies.put("nulls", utf8("{\"delta\":null,\"reason\":null,\"card\":null}"));
        bodies.put("a huge number", utf8("{\"delta\":99999999999999999999999,\"reason\":\"Tea\"}"));
        bodies.put("an infinite number", utf8("{\"delta\":1e400,\"reason\":\"Tea\"}"));
        bodies.put("a 200-digit number", utf8("{\"delta\":" + "9".repeat(200) + ",\"reason\":\"Tea\"}"));
        bodies.put("the smallest long", utf8("{\"delta\":-9223372036854775808,\"reason\":\"Tea\"}"));
        bodies.put("the largest long", utf8("{\"delta\":9223372036854775807,\"reason\":\"Tea\",\"init_bonus\":9223372036854775807}"));
        bodies.put("beyond WeChat's int", utf8("{\"delta\":2147483648,\"reason\":\"Tea\",\"init_balance\":2147483648}"));
        bodies.put("a zero delta", utf8("{\"delta\":0,\"reason\":\"Tea\"}"));
        bodies.put("an unknown field", utf8("{\"delta\":5,\"reason\":\"Tea\",\"bonus\":5}"));
        bodies.put("a duplicate key", utf8("{\"delta\":5,\"delta\":6,\"reason\":\"Tea\"}"));
        bodies.put("trailing garbage", utf8("{\"delta\":5,\"reason\":\"Tea\"} {}"));
        bodies.put("deep nesting", utf8("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)));
        bodies.put("deep arrays", utf8("[".repeat(100_000)));
        bodies.put("invalid UTF-8", new byte[] {'{', '"', 'r', 'e', 'a', 's', 'o', 'n', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'});
        bodies.put("an overlong UTF-8 sequence", new byte[] {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'});
        bodies.put("an unpaired surrogate", utf8("{\"delta\":5,\"reason\":\"Tea \\ud800\"}"));
        bodies.put("a NUL character", utf8("{\"delta\":5,\"reason\":\"Tea\\u0000\"}"));
        bodies.put("a null in an array", utf8("{\"openid\":[null],\"card\":{\"member_card\":{\"base_info\":{\"location_id_list\":[null]}}}}"));
        bodies.put("a very long reason", utf8("{\"delta\":5,\"reason\":\"" + "x".repeat(100_000) + "\"}"));
        bodies.put("a wrong card type", utf8("{\"card\":{\"card_type\":\"GROUPON\",\"member_card\":{}}}"));
        bodies.put("an array for an object", utf8("{\"card\":{\"card_type\":\"MEMBER_CARD\",\"member_card\":[]}}"));
        bodies.put("a comment", utf8("{/* no */\"delta\":5,\"reason\":\"Tea\"}"));
        bodies.put("single quotes", utf8("{'delta':5,'reason':'Tea'}"));
        bodies.put("NaN", utf8("{\"delta\":NaN,\"reason\":\"Tea\"}"));
        return bodies;
    }

    @Test
    void every_malformed_body_is_a_4xx_problem_on_every_write_route_and_changes_nothing() {
        for (Route route : writeRoutes()) {
            for (Map.Entry<String, byte[]> body : malformed().entrySet()) {
                String before = h.state();
                Http.Answer answer = send(route, body.getValue(), mediaType(route));
                String what = route.operationId() + " with " + body.getKey() + ": " + abbreviate(answer);
                assertThat(answer.status()).as(what).isBetween(400, 499);
                assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
                assertThat(answer.json().get("detail").asText()).as(what).isNotBlank();
                assertThat(h.state()).as(what).isEqualTo(before);
            }
        }
    }

    @Test
    void malformed_json_and_wrong_shapes_are_told_apart() {
        Route points = route("changePoints");

        assertThat(send(points, utf8("{\"delta\":5,"), "application/json").problemType()).isEqualTo("malformed-json");
        assertThat(send(points, new byte[] {'{', (byte) 0xFF, '}'}, "application/json").problemType()).isEqualTo("malformed-json");
        assertThat(send(points, utf8("{\"a\":".repeat(100) + "1" + "}".repeat(100)), "application/json").problemType())
                .isEqualTo("malformed-json");
        Http.Answer shape = send(points, utf8("{\"delta\":\"5\",\"reason\":\"Tea\"}"), "application/json");
        assertThat(shape.problemType()).isEqualTo("invalid-request");
        assertThat(shape.json().at("/errors/0/field").asText()).isEqualTo("delta");
        assertThat(shape.json().at("/errors/0/message").asText()).contains("integer", "got a string");
        Http.Answer unknown = send(points, utf8("{\"delta\":5,\"reason\":\"Tea\",\"bonus\":1}"), "application/json");
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("bonus");
        assertThat(unknown.json().at("/errors/0/message").asText()).contains("delta", "notify", "reason");
        Http.Answer nested = send(route("draftCard"), utf8(Cards.minimal().replace("\"quantity\": 1000", "\"quantity\": [1000]")),
                "application/json");
        assertThat(nested.json().at("/errors/0/field").asText()).isEqualTo("card.member_card.base_info.sku.quantity");
    }

    @Test
    void a_body_over_the_limit_is_a_413_on_every_write_route() {
        byte[] twoMiB = utf8("{\"reason\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        for (Route route : writeRoutes()) {
            String before = h.state();
            Http.Answer answer = send(route, twoMiB, mediaType(route));
            assertThat(answer.status()).as(route.operationId()).isEqualTo(413);
            assertThat(answer.problemType()).isEqualTo("body-too-large");
            assertThat(h.state()).isEqualTo(before);
        }
    }

    @Test
    void a_body_that_is_not_json_by_its_content_type_is_a_415_on_every_write_route() {
        byte[] json = utf8("{\"delta\":5,\"reason\":\"Tea\"}");
        for (Route route : writeRoutes()) {
            for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "application/json; charset=iso-8859-1", null}) {
                String before = h.state();
                Http.Answer answer = send(route, json, type);
                assertThat(answer.status()).as(route.operationId() + " as " + type).isEqualTo(415);
                assertThat(answer.problemType()).isEqualTo("unsupported-media-type");
                assertThat(h.state()).isEqualTo(before);
            }
        }
    }
}
