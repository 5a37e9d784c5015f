package io.wxcard.benchmarks.wechat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import feign.Feign;
import feign.Logger;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The adapter's layers one at a time, to tell where its cost lies: {@link #feign} is the adapter's HTTP stack alone
 * (Feign over the JDK client, Jackson encoder and decoder, WeChat's JSON settings, a fresh {@code Request.Options} per
 * call, no retries, no logging: as {@code WechatHttp} builds it) without the adapter's own layer (call runner, token
 * cache, mapping); {@link #jackson} is the bare JDK client plus the same Jackson work (write the request record, read
 * the answer record) without Feign. adapter / feign is the adapter's own layer, feign / jackson Feign's machinery,
 * jackson / bare the JSON.
 */
final class BreakdownClients {

    /** WeChat's JSON as the adapter writes and reads it (its {@code WechatJson.MAPPER}, without the deprecated call). */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** The adapter's request and answer, field for field. */
    record UpdateUserRequest(String code, String cardId, Long bonus, Long addBonus, String recordBonus, Long balance,
                             Long addBalance, String recordBalance, NotifyOptional notifyOptional) {}

    record NotifyOptional(@JsonProperty("is_notify_bonus") Boolean isNotifyBonus,
                          @JsonProperty("is_notify_balance") Boolean isNotifyBalance) {}

    record UpdateUserAnswer(Long errcode, String errmsg, Long resultBonus, Long resultBalance, String openid) {}

    interface UpdateUserApi {
        @RequestLine("POST /card/membercard/updateuser?access_token={token}")
        UpdateUserAnswer updateUser(@Param("token") String token, UpdateUserRequest request, Request.Options options);
    }

    private final SandboxWorld world;
    private final UpdateUserApi api;
    private final HttpClient http;
    private final URI updateUri;
    private final ObjectWriter writer = MAPPER.writerFor(UpdateUserRequest.class);
    private final ObjectReader reader = MAPPER.readerFor(UpdateUserAnswer.class);

    BreakdownClients(SandboxWorld world) {
        this.world = world;
        HttpClient feignHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(world.settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.api = Feign.builder()
                .client(new Http2Client(feignHttp))
                .encoder(new JacksonEncoder(MAPPER))
                .decoder(new JacksonDecoder(MAPPER))
                .errorDecoder((methodKey, response) -> new IllegalStateException("HTTP " + response.status()))
                .retryer(Retryer.NEVER_RETRY)
                .logger(new Logger.NoOpLogger())
                .logLevel(Logger.Level.NONE)
                .options(options())
                .target(UpdateUserApi.class, world.sandbox.baseUrl());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(world.settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.updateUri = URI.create(world.sandbox.baseUrl() + "/card/membercard/updateuser?access_token="
                + world.accessToken);
    }

    private Request.Options options() {
        return new Request.Options(world.settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                world.settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false);
    }

    static UpdateUserRequest request(String cardId, Code code, long bonus) {
        return new UpdateUserRequest(code.value(), cardId, bonus, null, null, 0L, null, null,
                new NotifyOptional(false, false));
    }

    UpdateUserAnswer feign(UpdateUserClients.Cursor cursor) {
        UpdateUserAnswer answer = api.updateUser(world.accessToken,
                request(world.cardId.value(), cursor.code(world), cursor.bonus()), options());
        return checked(answer);
    }

    UpdateUserAnswer jackson(UpdateUserClients.Cursor cursor) throws IOException, InterruptedException {
        byte[] body = writer.writeValueAsBytes(request(world.cardId.value(), cursor.code(world), cursor.bonus()));
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(updateUri)
                        .timeout(world.settings.readTimeout())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("updateuser answered HTTP " + answer.statusCode());
        }
        return checked(reader.readValue(answer.body()));
    }

    /** The Jackson client writes the bare client's bytes (and the Feign client uses the same encoder). */
    static void writesTheBareBody() throws IOException {
        Code code = new Code("123456789012");
        String jackson = new String(MAPPER.writeValueAsBytes(request("pcheck", code, 7)), StandardCharsets.UTF_8);
        String bare = SandboxWorld.updateJson(new WechatCardId("pcheck"), code, 7);
        if (!jackson.equals(bare)) {
            throw new IllegalStateException("the Jackson client would send another body:\n " + jackson + "\n " + bare);
        }
    }

    private static UpdateUserAnswer checked(UpdateUserAnswer answer) {
        if (answer == null || answer.errcode() != null && answer.errcode() != 0 || answer.openid() == null) {
            throw new IllegalStateException("updateuser answered " + answer);
        }
        return answer;
    }
}
