package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Gauge;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health, readiness, metrics and the OpenAPI document. */
class OpsRoutesTest {

    private static ApiHarness h;
    /** What the database readiness check answers: "up", "down" or "throws". */
    private static final AtomicReference<String> DATABASE = new AtomicReference<>("up");

    @BeforeAll
    static void start() {
        h = new ApiHarness(useCases -> useCases, ApiHarness.TUNING, () -> switch (DATABASE.get()) {
            case "up" -> true;
            case "down" -> false;
            default -> throw new IllegalStateException("connection refused");
        }, RestSettings.DEFAULT_MAX_BODY_BYTES);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void liveness_is_up_whatever_the_database_says() {
        DATABASE.set("down");
        try {
            Http.Answer answer = h.anonymous.get("/health");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("status").asText()).isEqualTo("UP");
        } finally {
            DATABASE.set("up");
        }
    }

    @Test
    void readiness_follows_the_database_check_and_a_failing_check_is_down() {
        Http.Answer up = h.anonymous.get("/health/ready");
        DATABASE.set("down");
        Http.Answer down = h.anonymous.get("/health/ready");
        DATABASE.set("throws");
        Http.Answer failing = h.anonymous.get("/health/ready");
        DATABASE.set("up");

        assertThat(up.status()).isEqualTo(200);
        assertThat(up.json().at("/checks/database").asText()).isEqualTo("UP");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(failing.status()).isEqualTo(503);
        assertThat(failing.body()).doesNotContain("connection refused");
    }

    @Test
    void metrics_count_requests_by_route_template_and_status_never_by_concrete_path() {
        Merchant m = h.newMerchant();
        m.http.get("/v1/cards/card_one");
        m.http.get("/v1/cards/card_two");
        h.anonymous.get("/v1/cards");

        Http.Answer metrics = h.anonymous.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        String text = metrics.body();
        assertThat(text).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"/v1/cards/\\{id}\"[^}]*} 2");
        assertThat(text).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"401\"[^}]*uri=\"/v1/cards\"");
        assertThat(text).containsPattern("http_server_requests_seconds_bucket\\{");
        assertThat(text).doesNotContain("card_one", "card_two");
        assertThat(text).contains("jvm_memory_used_bytes");
        assertThat(text).contains("jetty_threads_busy", "jetty_threads_config_max", "jetty_connections_current",
                "jetty_connections_bytes_in_bytes_count");
    }

    @Test
    void gauges_bootstrap_adds_to_the_registry_are_shown() {
        Gauge.builder("wxcard.outbox.lag", () -> 42.0).register(h.api.meterRegistry());

        assertThat(h.anonymous.get("/metrics").body()).contains("wxcard_outbox_lag 42.0");
    }

    // ---- the OpenAPI document -------------------------------------------------------------------------------------

    @Test
    void the_openapi_document_describes_every_route_javalin_serves() {
        JsonNode document = h.anonymous.get("/openapi.json").json();

        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(h.api.registeredHandlers()).hasSize(h.routes().size()).hasSizeGreaterThan(20);
        assertThat(undocumented(h.api.registeredHandlers(), document)).isEmpty();
    }

    @Test
    void the_coverage_check_finds_a_route_missing_from_the_document() {
        Route missing = h.routes().get(0);
        com.fasterxml.jackson.databind.node.ObjectNode partial = h.anonymous.get("/openapi.json").json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) partial.get("paths").get(missing.path()))
                .remove(missing.method().toLowerCase(Locale.ROOT));

        assertThat(undocumented(h.api.registeredHandlers(), partial)).containsExactly(missing.method() + " " + missing.path());
    }

    @Test
    void every_reference_in_the_document_resolves_and_operation_ids_are_unique() {
        JsonNode document = h.anonymous.get("/openapi.json").json();
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        Set<String> operationIds = new HashSet<>();
        document.get("paths").forEach(path -> path.forEach(operation ->
                assertThat(operationIds.add(operation.get("operationId").asText())).isTrue()));

        assertThat(refs).isNotEmpty().allSatisfy(ref ->
                assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
        assertThat(document.at("/components/schemas/CardDocument/required").toString()).contains("card");
        assertThat(document.at("/components/schemas/BaseInfoJson/properties/location_id_list/type").asText()).isEqualTo("array");
        assertThat(document.at("/components/schemas/LedgerChangeRequest/properties").has("notify")).isTrue();
        assertThat(document.at("/paths/~1v1~1cards~1{id}~1memberships~1{code}~1points/post/parameters").toString())
                .contains("Idempotency-Key");
    }

    @Test
    void every_v1_operation_requires_the_api_key_and_others_do_not() {
        JsonNode document = h.anonymous.get("/openapi.json").json();

        document.get("paths").properties().forEach(path -> path.getValue().forEach(operation ->
                assertThat(operation.get("security").size())
                        .as(path.getKey()).isEqualTo(path.getKey().startsWith("/v1/") ? 1 : 0)));
    }

    /** "METHOD path" of every registered handler that the document does not describe. */
    static List<String> undocumented(List<String> registered, JsonNode document) {
        List<String> missing = new ArrayList<>();
        for (String handler : registered) {
            String[] parts = handler.split(" ", 2);
            JsonNode operation = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                missing.add(handler);
            }
        }
        return missing;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private static JsonNode read(byte[] json) {
        try {
            return Http.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
