package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static Fixture f;
    private static String cardId;
    private static String code;

    @BeforeAll
    static void start() {
        f = Fixture.start();
        cardId = f.approvedCard(Fixture.memberCard());
        code = f.receive(cardId, "oFaulty1");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @AfterEach
    void clear() {
        f.control("/sandbox/faults", "{\"clear\":true}");
    }

    private static Http.Response addBonus() {
        return f.oa("/card/membercard/updateuser", "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code
                + "\",\"add_bonus\":1}");
    }

    private static long bonus() {
        return f.state(cardId, code).get("bonus").asLong();
    }

    private static JsonNode lastCall(String path) {
        JsonNode calls = f.http.get("/sandbox/calls?path=" + path + "&limit=1").json().get("calls");
        return calls.get(calls.size() - 1);
    }

    @Test
    void busy_answers_errcode_minus_one_without_applying_the_call() {
        f.token();
        f.control("/sandbox/faults", "{\"busy_ratio\":1.0}");
        long before = bonus();

        Http.Response response = addBonus();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.errcode()).isEqualTo(-1);
        assertThat(response.json().get("errmsg").asText()).isEqualTo("system error");
        assertThat(bonus()).isEqualTo(before);
        assertThat(lastCall("/card/membercard/updateuser").get("fault").asText()).isEqualTo("busy");
    }

    @Test
    void busy_after_apply_loses_only_the_answer_so_a_blind_retry_double_applies() {
        f.token();
        f.control("/sandbox/faults", "{\"busy_ratio\":1.0,\"after_apply\":true}");
        long before = bonus();

        assertThat(addBonus().errcode()).isEqualTo(-1);
        assertThat(addBonus().errcode()).isEqualTo(-1);

        assertThat(bonus()).isEqualTo(before + 2);
    }

    @Test
    void http_5xx_answers_an_html_error_page() {
        f.token();
        f.control("/sandbox/faults", "{\"http_5xx_ratio\":1.0}");

        Http.Response response = f.oa("/card/get", "{\"card_id\":\"" + cardId + "\"}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body()).contains("503");
    }

    @Test
    void drop_closes_the_connection_without_an_answer() {
        f.token();
        f.control("/sandbox/faults", "{\"drop_ratio\":1.0}");

        assertThatThrownBy(() -> f.oa("/card/get", "{\"card_id\":\"" + cardId + "\"}"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(lastCall("/card/get").get("fault").asText()).isEqualTo("drop");
    }

    @Test
    void slow_delays_the_answer_by_slow_ms() {
        f.token();
        f.control("/sandbox/faults", "{\"slow_ratio\":1.0,\"slow_ms\":300}");

        Http.Response response = f.oa("/card/get", "{\"card_id\":\"" + cardId + "\"}");

        assertThat(response.errcode()).isZero();
        JsonNode call = lastCall("/card/get");
        assertThat(call.get("fault").asText()).isEqualTo("slow");
        assertThat(call.get("duration_ms").asLong()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void a_path_prefix_limits_the_faults_to_matching_endpoints() {
        f.token();
        f.control("/sandbox/faults", "{\"busy_ratio\":1.0,\"path_prefix\":\"/card/membercard/\"}");

        assertThat(addBonus().errcode()).isEqualTo(-1);
        assertThat(f.oa("/card/get", "{\"card_id\":\"" + cardId + "\"}").errcode()).isZero();
        // the control API never suffers faults
        assertThat(f.http.get("/sandbox/stats").status()).isEqualTo(200);
    }

    @Test
    void faults_apply_to_the_token_endpoint_too() {
        f.control("/sandbox/faults", "{\"busy_ratio\":1.0}");

        assertThat(f.http.get("/cgi-bin/token?grant_type=client_credential&appid=" + Fixture.APP_ID + "&secret="
                + Fixture.SECRET).errcode()).isEqualTo(-1);
    }

    @Test
    void settings_merge_show_and_clear() {
        f.control("/sandbox/faults", "{\"busy_ratio\":0.2}");
        JsonNode merged = f.control("/sandbox/faults", "{\"slow_ratio\":0.5,\"slow_ms\":3000}").json();
        assertThat(merged.get("busy_ratio").asDouble()).isEqualTo(0.2);
        assertThat(merged.get("slow_ms").asLong()).isEqualTo(3000);
        assertThat(f.http.get("/sandbox/faults").json().get("slow_ratio").asDouble()).isEqualTo(0.5);

        Http.Response invalid = f.control("/sandbox/faults", "{\"drop_ratio\":1.5}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errcode").asInt()).isEqualTo(40097);

        JsonNode cleared = f.control("/sandbox/faults", "{\"clear\":true}").json();
        assertThat(cleared.get("busy_ratio").asDouble()).isZero();
        assertThat(cleared.get("slow_ratio").asDouble()).isZero();
    }

    @Test
    void a_ratio_below_one_faults_some_calls_and_not_others() {
        f.token();
        f.control("/sandbox/faults", "{\"busy_ratio\":0.5,\"path_prefix\":\"/card/get\"}");
        int busy = 0;
        for (int i = 0; i < 200; i++) {
            if (f.oa("/card/get", "{\"card_id\":\"" + cardId + "\"}").errcode() == -1) {
                busy++;
            }
        }
        // 200 draws at 0.5: outside 40..160 has a probability far below 1e-15
        assertThat(busy).isBetween(40, 160);
    }
}
