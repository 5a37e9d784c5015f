package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every /v1 route needs the tenant's API key, and a key sees its own tenant's cards only. */
class SecurityTest {

    private static ApiHarness h;

    @BeforeAll
    static void start() {
        h = new ApiHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    /** A body each write route would accept, so that only the tenant decides the answer. */
    /** A pay-to-join campaign any approved card takes. */
    static final String CAMPAIGN = "{\"kind\":\"PAY_TO_JOIN\",\"name\":\"join\",\"mchids\":[\"1900000109\"],"
            + "\"begin\":\"2027-01-01T00:00:00Z\",\"end\":\"2027-02-01T00:00:00Z\",\"least_cost_fen\":1,"
            + "\"max_cost_fen\":100}";
    static final Map<String, String> VALID_BODIES = Map.ofEntries(
            Map.entry("draftCard", Cards.minimal()),
            Map.entry("editCard", "{\"card\":{\"member_card\":{\"prerogative\":\"more\"}}}"),
            Map.entry("setTestWhitelist", "{\"openid\":[\"o_tester\"]}"),
            Map.entry("configureActivationForm", "{\"required_form\":{\"common_field_id_list\":[\"USER_FORM_INFO_FLAG_MOBILE\"]}}"),
            Map.entry("createQrCode", "{}"),
            Map.entry("createLandingPage", "{\"banner\":\"https://a.example/b.png\",\"page_title\":\"Join\","
                    + "\"can_share\":true,\"scene\":\"SCENE_H5\",\"thumb_url\":\"https://a.example/t.png\"}"),
            Map.entry("signCardExt", "{}"),
            Map.entry("activateMembership", "{}"),
            Map.entry("changePoints", "{\"delta\":5,\"reason\":\"Tea\"}"),
            Map.entry("changeBalance", "{\"delta\":5,\"reason\":\"Tea\"}"),
            Map.entry("invalidateMembership", "{\"reason\":\"lost\"}"),
            Map.entry("openActivationSession", "{\"card_id\":\"pNoSuchCard\",\"encrypt_code\":\"enc:1\","
                    + "\"openid\":\"o_member\"}"),
            Map.entry("activateActivationSession", "{}"),
            Map.entry("upgradeCardForWechatPay", "{\"brand_id\":\"1001622624\"}"),
            Map.entry("importMemberByPhone", "{\"phone\":\"13800138000\"}"),
            Map.entry("registerWechatPayCallback", "{\"url\":\"https://cards.example.com/wechatpay/t/notifications\"}"),
            Map.entry("addStore", "{\"name\":\"Jing'an\",\"address\":\"1 Nanjing Road\"}"),
            Map.entry("editStore", "{\"name\":\"Jing'an West\"}"),
            Map.entry("defineSegment", "{\"name\":\"regulars\",\"min_points\":0}"),
            Map.entry("previewCardMessage", "{\"openid\":\"o_tester\"}"),
            Map.entry("startCampaign", CAMPAIGN),
            Map.entry("reviewImportFailures", "{\"note\":\"looked at\"}"));

    static Http.Answer call(Http client, Route route, String cardId, String code) {
        String path = path(route, cardId, code);
        String body = VALID_BODIES.get(route.operationId());
        String contentType = route.method().equals("PATCH") ? Route.MERGE_PATCH : "application/json";
        return client.send(route.method(), path, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                body == null ? null : contentType, Map.of("Idempotency-Key", "k-" + route.operationId()));
    }

    /** The route's path with the card and code given, and any other path parameter (a webhook's id) made up. */
    static String path(Route route, String cardId, String code) {
        return route.path().replace("{id}", cardId).replace("{code}", code).replaceAll("\\{[A-Za-z_]+}", "none");
    }

    private static List<Route> v1Routes() {
        return h.routes().stream().filter(route -> route.path().startsWith("/v1/")).toList();
    }

    @Test
    void every_v1_route_is_authenticated_and_nothing_else_is() {
        assertThat(v1Routes()).isNotEmpty().allMatch(Route::authenticated);
        assertThat(h.routes()).filteredOn(route -> !route.path().startsWith("/v1/")).noneMatch(Route::authenticated);
    }

    @Test
    void every_v1_route_answers_401_problem_without_a_key_with_a_wrong_key_or_another_scheme() {
        Merchant m = h.newMerchant();
        String[] member = m.member(Cards.merchantPage());
        String before = h.state();

        for (Route route : v1Routes()) {
            Http.Answer none = call(h.anonymous, route, member[0], member[1]);
            Http.Answer wrong = call(h.client("wxk_this-is-not-a-key-of-anyone-at-all"), route, member[0], member[1]);
            Http.Answer emptyBearer = h.anonymous.send(route.method(), path(route, member[0], member[1]), null, null,
                    Map.of("Authorization", "Bearer"));
            Http.Answer otherScheme = h.anonymous.send(route.method(), path(route, member[0], member[1]), null, null,
                    Map.of("Authorization", "Basic " + m.key));

            for (Http.Answer answer : List.of(none, wrong, emptyBearer, otherScheme)) {
                assertThat(answer.status()).as("%s %s: %s", route.method(), route.path(), answer).isEqualTo(401);
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                assertThat(answer.problemType()).isEqualTo("unauthorized");
                assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
            }
            assertThat(wrong.header("WWW-Authenticate")).contains("invalid_token");
            assertThat(wrong.body()).doesNotContain("wxk_this-is-not");
        }
        assertThat(h.state()).isEqualTo(before);
    }

    @Test
    void another_tenants_card_is_a_404_on_every_route_and_stays_unchanged() {
        Merchant owner = h.newMerchant();
        Merchant intruder = h.newMerchant();
        String[] member = owner.member(Cards.merchantPage());
        String before = h.state();

        for (Route route : v1Routes()) {
            if (!route.path().contains("{id}")) {
                continue;
            }
            Http.Answer answer = call(intruder.http, route, member[0], member[1]);
            assertThat(answer.status()).as("%s %s: %s", route.method(), route.path(), answer).isEqualTo(404);
            assertThat(answer.problemType()).isEqualTo("not-found");
        }
        assertThat(h.state()).isEqualTo(before);
        assertThat(intruder.http.get("/v1/cards").json().get("total").asLong()).isZero();
        assertThat(owner.http.get("/v1/cards/" + member[0]).status()).isEqualTo(200);
    }

    @Test
    void a_card_is_drafted_for_the_keys_tenant_whatever_the_request_says() {
        Merchant m = h.newMerchant();
        Merchant other = h.newMerchant();

        Http.Answer answer = m.http.send("POST", "/v1/cards?tenant=" + other.tenant,
                Cards.minimal().getBytes(StandardCharsets.UTF_8), "application/json", Map.of("X-Tenant-Id", other.tenant.value()));
        String id = m.draft(Cards.minimal());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(m.card(id).tenantId()).isEqualTo(m.tenant);
        assertThat(other.http.get("/v1/cards/" + id).status()).isEqualTo(404);
    }

    @Test
    void operations_routes_and_wechat_pushes_need_no_key() {
        assertThat(h.anonymous.get("/health").status()).isEqualTo(200);
        assertThat(h.anonymous.get("/health/ready").status()).isEqualTo(200);
        assertThat(h.anonymous.get("/metrics").status()).isEqualTo(200);
        assertThat(h.anonymous.get("/openapi.json").status()).isEqualTo(200);
        assertThat(h.anonymous.get("/wechat/nobody/events").status()).isEqualTo(404);
    }
}
