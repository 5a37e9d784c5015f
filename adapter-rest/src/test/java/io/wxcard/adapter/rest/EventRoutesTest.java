package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventRoutesTest {

    private static ApiHarness h;
    private Merchant m;

    @BeforeAll
    static void start() {
        h = new ApiHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @BeforeEach
    void newTenant() {
        m = h.newMerchant();
    }

    @Test
    void the_change_feed_answers_the_tenants_events_in_order_and_the_same_ones_from_any_position() {
        String cardId = m.approved(Cards.merchantPage());
        String code = m.received(cardId, "oAlice");
        m.http.post("/v1/cards/" + cardId + "/memberships/" + code + "/activate", null);
        m.http.post("/v1/cards/" + cardId + "/memberships/" + code + "/points", "{\"delta\":10,\"reason\":\"welcome\"}",
                Map.of("Idempotency-Key", "k1"));
        h.newMerchant().approved(Cards.merchantPage()); // another tenant's event, never in this feed
        h.app.relayEvents().placeEvents();

        JsonNode all = m.http.get("/v1/events?after=0&limit=1000").json();
        List<String> types = new ArrayList<>();
        all.get("events").forEach(item -> types.add(item.at("/event/type").asText()));
        assertThat(types).containsExactly("card.approved", "membership.issued", "membership.activated",
                "membership.points_changed");
        assertThat(all.at("/events/3/event/points").asLong()).isEqualTo(10);
        assertThat(all.at("/events/3/event/tenant").asText()).isEqualTo(m.tenant.value());

        List<String> paged = new ArrayList<>();
        long next = 0;
        for (int page = 0; page < 10; page++) {
            JsonNode answer = m.http.get("/v1/events?after=" + next + "&limit=1").json();
            if (answer.get("events").isEmpty()) {
                assertThat(answer.get("next").asLong()).isEqualTo(next);
                break;
            }
            paged.add(answer.at("/events/0/event/id").asText());
            next = answer.get("next").asLong();
        }
        List<String> ids = new ArrayList<>();
        all.get("events").forEach(item -> ids.add(item.at("/event/id").asText()));
        assertThat(paged).isEqualTo(ids);
    }

    @Test
    void refuses_a_bad_cursor_or_limit_naming_it() {
        assertThat(m.http.get("/v1/events?after=-1").json().at("/errors/0/field").asText()).isEqualTo("after");
        assertThat(m.http.get("/v1/events?after=x").status()).isEqualTo(400);
        assertThat(m.http.get("/v1/events?limit=0").json().at("/errors/0/field").asText()).isEqualTo("limit");
        assertThat(m.http.get("/v1/events?cursor=1").status()).isEqualTo(400);
    }

    @Test
    void a_webhook_shows_its_secret_once_lists_without_it_and_is_deleted() {
        Http.Answer made = m.http.post("/v1/webhooks", "{\"url\":\"https://erp.example.com/wxcard\","
                + "\"event_types\":[\"membership.points_changed\"]}");

        assertThat(made.status()).isEqualTo(201);
        String id = made.json().get("id").asText();
        assertThat(made.json().get("secret").asText()).startsWith("whsec_");
        assertThat(made.header("Location")).isEqualTo("/v1/webhooks/" + id);
        JsonNode listed = m.http.get("/v1/webhooks").json();
        assertThat(listed.at("/items/0/id").asText()).isEqualTo(id);
        assertThat(listed.at("/items/0/event_types/0").asText()).isEqualTo("membership.points_changed");
        assertThat(listed.toString()).doesNotContain("whsec_");
        assertThat(h.newMerchant().http.delete("/v1/webhooks/" + id).status()).isEqualTo(404);
        assertThat(m.http.delete("/v1/webhooks/" + id).status()).isEqualTo(204);
        assertThat(m.http.get("/v1/webhooks").json().get("items")).isEmpty();
    }

    @Test
    void refuses_a_webhook_url_that_is_not_allowed_or_an_unknown_type_naming_the_field_and_stores_nothing() {
        Http.Answer metadata = m.http.post("/v1/webhooks", "{\"url\":\"https://169.254.169.254/latest\"}");
        Http.Answer plain = m.http.post("/v1/webhooks", "{\"url\":\"http://erp.example.com/x\"}");
        Http.Answer missing = m.http.post("/v1/webhooks", "{}");
        Http.Answer type = m.http.post("/v1/webhooks", "{\"url\":\"https://erp.example.com/x\","
                + "\"event_types\":[\"membership.teleported\"]}");

        assertThat(metadata.status()).isEqualTo(422);
        assertThat(metadata.json().at("/errors/0/field").asText()).isEqualTo("url");
        assertThat(plain.status()).isEqualTo(422);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/errors/0/field").asText()).isEqualTo("url");
        assertThat(type.json().at("/errors/0/field").asText()).isEqualTo("event_types");
        assertThat(m.http.get("/v1/webhooks").json().get("items")).isEmpty();
    }

    @Test
    void lists_dead_deliveries_and_redelivering_an_unknown_one_is_404() {
        assertThat(m.http.get("/v1/webhooks/dead-deliveries").json().get("items")).isEmpty();
        assertThat(m.http.post("/v1/webhooks/wh_nope/deliveries/ev_nope/redeliver", null).status()).isEqualTo(404);
    }
}
