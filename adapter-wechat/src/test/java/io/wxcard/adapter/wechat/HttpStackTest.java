package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import feign.Util;
import feign.codec.DecodeException;
import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.MemberTotals;
import io.wxcard.application.port.out.wechat.MemberUpdate;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The adapter's Feign stack piece by piece: {@link JsonCodec} (bodies as bytes, a reader and a writer per type),
 * {@link JdkFeignClient} (the request on the wire, answers as bytes, bounded), {@link TokenOptions} (the access_token
 * appended by the client), and what the adapter puts on the wire as a whole.
 */
class HttpStackTest {

    private static final Request.Options OPTIONS = new Request.Options(2, TimeUnit.SECONDS, 3, TimeUnit.SECONDS, false);
    private static final WechatAccount SOMEONE = new WechatAccount(new AppId("wxstub"), Secret.of("s"));

    private final JsonCodec json = new JsonCodec(WechatJson.MAPPER);

    // ---- JsonCodec ----------------------------------------------------------------------------------------------

    @Test
    void encodes_wechats_json_as_utf8_bytes_without_a_content_length_template() {
        RequestTemplate template = new RequestTemplate();
        json.encode(new OaJson.UpdateUserRequest("123456789012", "pCard", 300L, 5L, "签到", null, null, null,
                new OaJson.NotifyOptional(true, false)), OaJson.UpdateUserRequest.class, template);

        assertThat(new String(template.body(), StandardCharsets.UTF_8)).isEqualTo("{\"code\":\"123456789012\","
                + "\"card_id\":\"pCard\",\"bonus\":300,\"add_bonus\":5,\"record_bonus\":\"签到\","
                + "\"notify_optional\":{\"is_notify_bonus\":true,\"is_notify_balance\":false}}");
        assertThat(template.requestCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(template.headers()).doesNotContainKey(Util.CONTENT_LENGTH);
    }

    @Test
    void writes_exactly_what_feign_jacksons_encoder_wrote() {
        OaJson.CardListRequest body = new OaJson.CardListRequest("oOpenId", null);
        RequestTemplate ours = new RequestTemplate();
        RequestTemplate theirs = new RequestTemplate();

        json.encode(body, OaJson.CardListRequest.class, ours);
        new feign.jackson.JacksonEncoder(WechatJson.MAPPER).encode(body, OaJson.CardListRequest.class, theirs);

        assertThat(ours.body()).isEqualTo(theirs.body());
    }

    @Test
    void makes_one_reader_and_one_writer_per_type() {
        assertThat(json.reader(OaJson.UpdateUserAnswer.class)).isSameAs(json.reader(OaJson.UpdateUserAnswer.class));
        assertThat(json.writer(OaJson.UpdateUserRequest.class)).isSameAs(json.writer(OaJson.UpdateUserRequest.class));
        assertThat(json.reader(OaJson.Plain.class)).isNotSameAs(json.reader(OaJson.UpdateUserAnswer.class));
    }

    @Test
    void decodes_the_answer_from_the_clients_bytes_and_from_any_other_body() throws IOException {
        String answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"result_bonus\":\"300\",\"result_balance\":0,"
                + "\"openid\":\"oOpenId\",\"something_new\":[1,2]}";
        OaJson.UpdateUserAnswer expected = new OaJson.UpdateUserAnswer(0L, "ok", 300L, 0L, "oOpenId");

        assertThat(json.decode(response(200, new JdkFeignClient.Bytes(bytes(answer))), OaJson.UpdateUserAnswer.class))
                .isEqualTo(expected);
        assertThat(json.decode(Response.builder().status(200).request(request()).body(answer, StandardCharsets.UTF_8)
                .build(), OaJson.UpdateUserAnswer.class)).isEqualTo(expected);
        assertThat(json.decode(Response.builder().status(200).request(request())
                .body(new ByteArrayInputStream(bytes(answer)), null).build(), OaJson.UpdateUserAnswer.class))
                .isEqualTo(expected);
    }

    @Test
    void an_empty_answer_or_no_content_decodes_to_null() throws IOException {
        assertThat(json.decode(response(200, new JdkFeignClient.Bytes(new byte[0])), OaJson.Plain.class)).isNull();
        assertThat(json.decode(response(204, new JdkFeignClient.Bytes(new byte[0])), OaJson.Plain.class)).isNull();
    }

    @Test
    void an_answer_that_is_not_the_expected_json_is_a_decode_exception_naming_no_content() {
        for (String body : List.of("<html>502 Bad Gateway</html>", "{\"errcode\":0,", "[1,2]",
                "{\"errcode\":\"zero\"}")) {
            assertThatThrownBy(() -> json.decode(response(200, new JdkFeignClient.Bytes(bytes(body))),
                    OaJson.Plain.class)).as(body).isInstanceOf(DecodeException.class)
                    .hasMessageNotContaining(body);
        }
    }

    // ---- JdkFeignClient -----------------------------------------------------------------------------------------

    @Test
    void sends_the_fixed_headers_and_the_requests_own_but_none_the_jdk_sets_itself() throws IOException {
        try (StubServer stub = new StubServer()) {
            stub.on("/echo", r -> StubServer.Answer.json("{}"));
            JdkFeignClient client = new JdkFeignClient(http(), List.of("Accept", "application/json"), 1024, false);
            Map<String, Collection<String>> headers = Map.of("Content-Type", List.of("application/json"),
                    "Content-Length", List.of("2"), "Host", List.of("elsewhere"), "X-Mine", List.of("a", "b"));

            try (Response response = client.execute(Request.create(Request.HttpMethod.POST, stub.baseUrl() + "/echo",
                    headers, bytes("{}"), StandardCharsets.UTF_8, null), OPTIONS)) {
                assertThat(response.status()).isEqualTo(200);
            }

            StubServer.Received received = stub.received("/echo").get(0);
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.bodyText()).isEqualTo("{}");
            assertThat(received.header("Accept")).isEqualTo("application/json");
            assertThat(received.header("Content-Type")).isEqualTo("application/json");
            assertThat(received.header("Content-Length")).isEqualTo("2");
            assertThat(received.header("Host")).startsWith("127.0.0.1");
            assertThat(received.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("X-Mine"))
                    .findFirst().orElseThrow().getValue()).containsExactly("a", "b");
        }
    }

    @Test
    void appends_the_access_token_of_token_options_to_the_query() throws IOException {
        try (StubServer stub = new StubServer()) {
            stub.on("/plain", r -> StubServer.Answer.json("{}")).on("/queried", r -> StubServer.Answer.json("{}"));
            JdkFeignClient client = new JdkFeignClient(http(), List.of(), 1024, false);

            client.execute(get(stub.baseUrl() + "/plain"), new TokenOptions(OPTIONS, "85_Ab-c_9")).close();
            client.execute(get(stub.baseUrl() + "/queried?type=wx_card"), new TokenOptions(OPTIONS, "T")).close();
            client.execute(get(stub.baseUrl() + "/plain"), OPTIONS).close();

            assertThat(stub.received("/plain").get(0).query()).isEqualTo("access_token=85_Ab-c_9");
            assertThat(stub.received("/queried").get(0).query()).isEqualTo("type=wx_card&access_token=T");
            assertThat(stub.received("/plain").get(1).query()).isNull();
        }
    }

    @Test
    void percent_encodes_a_token_only_when_it_needs_it_and_never_prints_it() {
        assertThat(TokenOptions.encoded("85_ABCdef-123_xyz")).isEqualTo("85_ABCdef-123_xyz");
        assertThat(TokenOptions.encoded("a+b/c=d&e f%")).isEqualTo("a%2Bb%2Fc%3Dd%26e%20f%25");
        TokenOptions options = new TokenOptions(OPTIONS, "SECRET-TOKEN");
        assertThat(options.queryParameter()).isEqualTo("access_token=SECRET-TOKEN");
        assertThat(options.readTimeoutMillis()).isEqualTo(3000);
        assertThat(options.connectTimeoutMillis()).isEqualTo(2000);
        assertThat(options.toString()).doesNotContain("SECRET");
    }

    @Test
    void hands_the_answer_over_as_bytes_with_its_headers_only_when_asked() throws IOException {
        try (StubServer stub = new StubServer()) {
            stub.on("/a", r -> new StubServer.Answer(201, Map.of("Content-Type", "application/json",
                    "Wechatpay-Serial", "PUB_KEY_ID_1"), bytes("{\"code\":\"1\"}")));
            JdkFeignClient withHeaders = new JdkFeignClient(http(), List.of(), 1024, true);
            JdkFeignClient without = new JdkFeignClient(http(), List.of(), 1024, false);

            try (Response response = withHeaders.execute(get(stub.baseUrl() + "/a"), OPTIONS)) {
                assertThat(response.status()).isEqualTo(201);
                assertThat(response.body()).isInstanceOf(JdkFeignClient.Bytes.class);
                assertThat(((JdkFeignClient.Bytes) response.body()).bytes()).isEqualTo(bytes("{\"code\":\"1\"}"));
                assertThat(response.headers().get("wechatpay-serial")).containsExactly("PUB_KEY_ID_1");
            }
            try (Response response = without.execute(get(stub.baseUrl() + "/a"), OPTIONS)) {
                assertThat(response.headers()).isEmpty();
                assertThat(Util.toByteArray(response.body().asInputStream())).isEqualTo(bytes("{\"code\":\"1\"}"));
            }
        }
    }

    @Test
    void refuses_an_answer_longer_than_its_limit_and_inflates_a_compressed_one() throws IOException {
        try (StubServer stub = new StubServer()) {
            stub.on("/long", r -> StubServer.Answer.json("x".repeat(5000)))
                    .on("/gzip", r -> new StubServer.Answer(200, Map.of("Content-Type", "application/json",
                            "Content-Encoding", "gzip"), gzip("{\"errcode\":0}")))
                    .on("/gzip-bomb", r -> new StubServer.Answer(200, Map.of("Content-Encoding", "gzip"),
                            gzip(" ".repeat(100_000))));
            JdkFeignClient client = new JdkFeignClient(http(), List.of(), 4096, false);

            assertThatThrownBy(() -> client.execute(get(stub.baseUrl() + "/long"), OPTIONS))
                    .isInstanceOf(IOException.class).hasMessageContaining("larger than 4096 bytes");
            try (Response response = client.execute(get(stub.baseUrl() + "/gzip"), OPTIONS)) {
                assertThat(((JdkFeignClient.Bytes) response.body()).bytes()).isEqualTo(bytes("{\"errcode\":0}"));
            }
            assertThatThrownBy(() -> client.execute(get(stub.baseUrl() + "/gzip-bomb"), OPTIONS))
                    .isInstanceOf(IOException.class).hasMessageContaining("larger than 4096 bytes");
        }
    }

    @Test
    void keeps_to_the_read_timeout_of_the_calls_options() {
        try (StubServer stub = new StubServer()) {
            stub.on("/slow", r -> {
                sleep(Duration.ofSeconds(2));
                return StubServer.Answer.json("{}");
            });
            JdkFeignClient client = new JdkFeignClient(http(), List.of(), 1024, false);
            Request.Options short_ = new Request.Options(2, TimeUnit.SECONDS, 200, TimeUnit.MILLISECONDS, false);

            long start = System.nanoTime();
            assertThatThrownBy(() -> client.execute(get(stub.baseUrl() + "/slow"), short_))
                    .isInstanceOf(java.net.http.HttpTimeoutException.class);
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
            assertThat(stub.received("/card/get")).hasSize(CallRunner.MAX_ATTEMPTS);
            assertThat(delete.code()).isEqualTo("unreadable_answer");
            assertThat(stub.received("/card/delete")).hasSize(1);
        }
    }

    @Test
    void uses_one_options_object_while_the_whole_read_timeout_fits_in_the_deadline() {
        CallRunner runner = new CallRunner(WechatSettings.defaults());
        Request.Options first = runner.optionsWithin(runner.newDeadline());

        assertThat(runner.optionsWithin(runner.newDeadline())).isSameAs(first);
        assertThat(first.readTimeoutMillis()).isEqualTo(3000);
        assertThat(first.connectTimeoutMillis()).isEqualTo(2000);
        assertThat(first.isFollowRedirects()).isFalse();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static HttpClient http() {
        return WechatHttp.httpClient(WechatSettings.defaults());
    }

    private static Request request() {
        return get("http://127.0.0.1/x");
    }

    private static Request get(String url) {
        return Request.create(Request.HttpMethod.GET, url, Map.of(), (byte[]) null, StandardCharsets.UTF_8, null);
    }

    private static Response response(int status, Response.Body body) {
        return Response.builder().status(status).request(request()).body(body).build();
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
