package io.wxcard.benchmarks.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.adapter.wechat.WechatAdapter;
import io.wxcard.adapter.wechat.WechatSettings;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.SharedTokenStore;
import io.wxcard.application.port.out.store.SharedTokenStore.TokenKey;
import io.wxcard.application.port.out.wechat.MemberTotals;
import io.wxcard.application.port.out.wechat.MemberUpdate;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.sandbox.SandboxApp;
import io.wxcard.sandbox.SandboxSettings;
import io.wxcard.sandbox.WechatSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The WeChat side of the updateuser benchmark: an embedded sandbox with one account, one approved auto-activating
 * card with points and stored value, and {@code members} activated codes; the adapter pointing at it, and the
 * access_token the adapter fetched (read back from the shared token store), for the bare client to use too.
 */
public final class SandboxWorld implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final WechatSandbox sandbox;
    final WechatAdapter adapter;
    final WechatAccount account;
    final WechatCardId cardId;
    final List<Code> codes;
    final String accessToken;
    final WechatSettings settings;

    private SandboxWorld(WechatSandbox sandbox, WechatAdapter adapter, WechatAccount account, WechatCardId cardId,
                         List<Code> codes, String accessToken, WechatSettings settings) {
        this.sandbox = sandbox;
        this.adapter = adapter;
        this.account = account;
        this.cardId = cardId;
        this.codes = codes;
        this.accessToken = accessToken;
        this.settings = settings;
    }

    public static SandboxWorld start(int members) {
        WechatSandbox sandbox = WechatSandbox.start(SandboxSettings.defaults().withoutAutoReview());
        try {
            String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String appId = "wxbench" + suffix;
            String secret = "secret" + suffix;
            sandbox.registerApp(SandboxApp.plain(appId, secret, "push-token", null));
            WechatAccount account = new WechatAccount(new AppId(appId), Secret.of(secret));
            SharedTokenStore tokens = new InMemoryStores().tokens();
            WechatSettings settings = WechatSettings.defaults().withBaseUrl(sandbox.baseUrl())
                    .withInstanceId("bench-" + suffix);
            WechatAdapter adapter = WechatAdapter.create(settings, tokens, Clock.system());

            WechatCardId cardId = ok(adapter.catalog().create(account, Fixtures.definition()), "card/create");
            HttpClient control = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            control(control, sandbox, "/sandbox/cards/" + cardId.value() + "/review", "{\"result\":\"pass\"}");
            List<Code> codes = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                JsonNode given = control(control, sandbox, "/sandbox/cards/" + cardId.value() + "/users",
                        "{\"openid\":\"obench" + suffix + "m" + i + "\"}");
                codes.add(new Code(given.get("code").asText()));
            }
            // The adapter's first call fetches the access_token; the bare client uses that very token.
            ok(adapter.members().updateMember(account, update(cardId, codes.get(0), 1)), "membercard/updateuser");
            String token = tokens.read(new TokenKey(appId, TokenKey.Kind.ACCESS_TOKEN))
                    .getOrElseThrow(() -> new IllegalStateException("the adapter published no access_token"))
                    .value();
            return new SandboxWorld(sandbox, adapter, account, cardId, List.copyOf(codes), token, settings);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /** The update both sides send: absolute points, stored value 0, nobody notified. */
    static MemberUpdate update(WechatCardId cardId, Code code, long bonus) {
        return new MemberUpdate(cardId, code, Points.of(bonus), Fen.of(0), Option.none(), Option.none(),
                Option.none(), Option.none(), false, false);
    }

    /** The same update as the JSON the bare client sends (checked against the adapter's by {@link BodyCheck}). */
    static String updateJson(WechatCardId cardId, Code code, long bonus) {
        return "{\"code\":\"" + code.value() + "\",\"card_id\":\"" + cardId.value() + "\",\"bonus\":" + bonus
                + ",\"balance\":0,\"notify_optional\":{\"is_notify_bonus\":false,\"is_notify_balance\":false}}";
    }

    static <T> T ok(Either<?, T> answer, String what) {
        if (answer.isLeft()) {
            throw new IllegalStateException(what + " failed: " + answer.getLeft());
        }
        return answer.get();
    }

    static MemberTotals check(Either<?, MemberTotals> answer) {
        return ok(answer, "updateuser through the adapter");
    }

    private static JsonNode control(HttpClient http, WechatSandbox sandbox, String path, String body) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(answer.body());
            if (answer.statusCode() != 200 || json.path("errcode").asInt() != 0) {
                throw new IllegalStateException("sandbox " + path + " answered " + answer.statusCode() + " "
                        + answer.body());
            }
            return json;
        } catch (IOException e) {
            throw new IllegalStateException("sandbox " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
