package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.RequestTemplate;
import feign.jackson.JacksonEncoder;
import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.MemberTotals;
import io.wxcard.application.port.out.wechat.MemberUpdate;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The adapter's Feign stack through its public surface: WeChat's JSON, what goes on the wire (the access_token in
 * the query, WeChat's JSON headers), and what comes back (compressed, truncated, not JSON, HTTP errors, too slow).
 */
class HttpStackTest {

    private static final WechatAccount SOMEONE = new WechatAccount(new AppId("wxstub"), Secret.of("s"));

    // ---- the JSON WeChat reads and writes ---------------------------------------------------------------------

    @Test
    void encodes_wechats_json_as_utf8_snake_case_without_absent_fields() {
        RequestTemplate template = new RequestTemplate();
        new JacksonEncoder(WechatJson.MAPPER).encode(new OaJson.UpdateUserRequest("123456789012", "pCard", 300L, 5L,
                "签到", null, null, null, new OaJson.NotifyOptional(true, false)), OaJson.UpdateUserRequest.class,
                template);

        assertThat(new String(template.body(), StandardCharsets.UTF_8)).isEqualTo("{\"code\":\"123456789012\","
                + "\"card_id\":\"pCard\",\"bonus\":300,\"add_bonus\":5,\"record_bonus\":\"签到\","
                + "\"notify_optional\":{\"is_notify_bonus\":true,\"is_notify_balance\":false}}");
        assertThat(template.requestCharset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void reads_numbers_as_wechat_sends_them_and_ignores_fields_it_does_not_know() throws IOException {
        String answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"result_bonus\":\"300\",\"result_balance\":0,"
                + "\"openid\":\"oOpenId\",\"something_new\":[1,2]}";

        assertThat(WechatJson.MAPPER.readValue(answer, OaJson.UpdateUserAnswer.class))
                .isEqualTo(new OaJson.UpdateUserAnswer(0L, "ok", 300L, 0L, "oOpenId"));
    }

    @Test
    void never_truncates_a_decimal_amount_into_integer_fen() {
        assertThatThrownBy(() -> WechatJson.MAPPER.readValue("{\"errcode\":0,\"result_balance\":12.5}",
                OaJson.UpdateUserAnswer.class)).isInstanceOf(IOException.class);
    }

    // ---- answers as they come over the wire ----------------------------------------------------------------------

    @Test
    void reads_a_compressed_answer() {
        try (StubServer stub = new StubServer()) {
            stub.withTokens().on("/card/code/decrypt", r -> new StubServer.Answer(200, Map.of("Content-Type",
                    "application/json", "Content-Encoding", "gzip"), gzip("{\"errcode\":0,\"code\":\"123456789012\"}")));

            assertThat(adapter(stub).members().decryptCode(SOMEONE, "ENCRYPTED").get())
                    .isEqualTo(new Code("123456789012"));
        }
    }

    @Test
    void a_truncated_empty_or_misshapen_answer_is_unreadable_and_names_no_content() {
        for (String body : List.of("{\"errcode\":0,", "", "[1,2]", "{\"errcode\":\"zero\"}",
                "{\"errcode\":0,\"bonus\":1.5}")) {
            try (StubServer stub = new StubServer()) {
                stub.withTokens().on("/card/membercard/userinfo/get", r -> StubServer.Answer.json(body));

                WechatError error = adapter(stub).members().memberInfo(SOMEONE, new WechatCardId("pCard"),
                        new Code("123456789012")).getLeft();

                assertThat(error.kind()).as(body).isEqualTo(Kind.TRANSIENT);
                assertThat(error.code()).as(body).isEqualTo("unreadable_answer");
                assertThat(error.message()).doesNotContain("errcode").doesNotContain("access_token");
                assertThat(stub.received("/card/membercard/userinfo/get")).hasSize(Retries.MAX_ATTEMPTS);
            }
        }
    }

    @Test
    void classifies_http_statuses_that_come_without_a_wechat_answer() {
        Map<Integer, Kind> statuses = Map.of(429, Kind.QUOTA, 400, Kind.CLIENT_ERROR, 403, Kind.FORBIDDEN,
                503, Kind.TRANSIENT);
        statuses.forEach((status, kind) -> {
            try (StubServer stub = new StubServer()) {
                stub.withTokens().on("/card/get", r -> StubServer.Answer.of(status, "text/plain", "nope"));

                WechatError error = adapter(stub).catalog().get(SOMEONE, new WechatCardId("pCard")).getLeft();

                assertThat(error.kind()).as("HTTP %s", status).isEqualTo(kind);
                assertThat(error.code()).isEqualTo("http_" + status);
                assertThat(stub.received("/card/get")).as("HTTP %s", status)
                        .hasSize(status >= 500 ? Retries.MAX_ATTEMPTS : 1);
            }
        });
    }

    @Test
    void keeps_to_the_read_timeout_of_each_attempt() {
        try (StubServer stub = new StubServer()) {
            stub.withTokens().on("/card/create", r -> {
                sleep(Duration.ofSeconds(2));
                return StubServer.Answer.json("{}");
            });
            WechatAdapter adapter = WechatAdapter.create(WechatSettings.defaults().withBaseUrl(stub.baseUrl())
                    .withReadTimeout(Duration.ofMillis(200)), new InMemoryStores().tokens(), Clock.system());

            long start = System.nanoTime();
            WechatError error = adapter.catalog().create(SOMEONE, Fixtures.definition()).getLeft();

            assertThat(error.code()).isEqualTo("network");
            assertThat(error.message()).contains("in time");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        }
    }

    // ---- the adapter on the wire --------------------------------------------------------------------------------

    @Test
    void an_updateuser_goes_out_with_the_token_in_the_query_and_wechats_json_headers() {
        try (StubServer stub = new StubServer()) {
            stub.on("/cgi-bin/token", r -> StubServer.Answer.json("{\"access_token\":\"85_TOKEN-x_y\","
                    + "\"expires_in\":7200}"))
                    .on("/card/membercard/updateuser", r -> StubServer.Answer.json("{\"errcode\":0,\"errmsg\":\"ok\","
                            + "\"result_bonus\":300,\"result_balance\":0,\"openid\":\"oOpenId\"}"));
            WechatAdapter adapter = WechatAdapter.create(WechatSettings.defaults().withBaseUrl(stub.baseUrl()),
                    new InMemoryStores().tokens(), Clock.system());

            MemberTotals totals = adapter.members().updateMember(SOMEONE, new MemberUpdate(new WechatCardId("pCard"),
                    new Code("123456789012"), Points.of(300), Fen.of(0), Option.none(), Option.none(),
                    Option.none(), Option.none(), false, false)).get();

            assertThat(totals.bonus()).isEqualTo(Points.of(300));
            StubServer.Received sent = stub.received("/card/membercard/updateuser").get(0);
            assertThat(sent.method()).isEqualTo("POST");
            assertThat(sent.query()).isEqualTo("access_token=85_TOKEN-x_y");
            assertThat(sent.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(sent.header("Accept")).isEqualTo("application/json");
            assertThat(sent.bodyText()).isEqualTo("{\"code\":\"123456789012\",\"card_id\":\"pCard\",\"bonus\":300,"
                    + "\"balance\":0,\"notify_optional\":{\"is_notify_bonus\":false,\"is_notify_balance\":false}}");
            StubServer.Received token = stub.received("/cgi-bin/token").get(0);
            assertThat(token.method()).isEqualTo("GET");
            assertThat(token.query()).isEqualTo("grant_type=client_credential&appid=wxstub&secret=s");
        }
    }

    @Test
    void an_answer_that_is_not_json_is_unreadable_and_repeated_only_where_that_is_harmless() {
        try (StubServer stub = new StubServer()) {
            stub.withTokens()
                    .on("/card/get", r -> StubServer.Answer.of(200, "text/html", "<html>maintenance</html>"))
                    .on("/card/delete", r -> StubServer.Answer.of(200, "text/html", "<html>maintenance</html>"));
            WechatAdapter adapter = WechatAdapter.create(WechatSettings.defaults().withBaseUrl(stub.baseUrl()),
                    new InMemoryStores().tokens(), Clock.system());

            WechatError read = adapter.catalog().get(SOMEONE, new WechatCardId("pCard")).getLeft();
            WechatError delete = adapter.catalog().delete(SOMEONE, new WechatCardId("pCard")).getLeft();

            assertThat(read.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(read.code()).isEqualTo("unreadable_answer");
            assertThat(read.message()).doesNotContain("<html").doesNotContain("access_token");
            assertThat(stub.received("/card/get")).hasSize(Retries.MAX_ATTEMPTS);
            assertThat(delete.code()).isEqualTo("unreadable_answer");
            assertThat(stub.received("/card/delete")).hasSize(1);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static WechatAdapter adapter(StubServer stub) {
        return WechatAdapter.create(WechatSettings.defaults().withBaseUrl(stub.baseUrl()), new InMemoryStores().tokens(),
                Clock.system());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
