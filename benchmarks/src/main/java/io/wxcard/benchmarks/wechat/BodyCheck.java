package io.wxcard.benchmarks.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wxcard.adapter.wechat.WechatAdapter;
import io.wxcard.adapter.wechat.WechatSettings;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the comparison fair: captures the body the adapter sends for an update (on a throwaway loopback server) and
 * checks that the bare client sends the very same bytes.
 */
final class BodyCheck {

    private BodyCheck() {}

    static void adapterSendsTheBareBody() throws IOException {
        AtomicReference<String> seen = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cgi-bin/token", exchange -> answer(exchange,
                "{\"access_token\":\"CHECKTOKEN\",\"expires_in\":7200}"));
        server.createContext("/card/membercard/updateuser", exchange -> {
            seen.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, "{\"errcode\":0,\"errmsg\":\"ok\",\"result_bonus\":7,\"result_balance\":0,"
                    + "\"openid\":\"ocheck\"}");
        });
        server.start();
        try {
            WechatAdapter adapter = WechatAdapter.create(WechatSettings.defaults()
                    .withBaseUrl("http://127.0.0.1:" + server.getAddress().getPort()), new InMemoryStores().tokens(),
                    Clock.system());
            WechatCardId card = new WechatCardId("pbench0000000000000000000000");
            Code code = new Code("123456789012");
            SandboxWorld.check(adapter.members().updateMember(new WechatAccount(new AppId("wxcheck"),
                    Secret.of("secret")), SandboxWorld.update(card, code, 7)));
            String bare = SandboxWorld.updateJson(card, code, 7);
            if (!bare.equals(seen.get())) {
                throw new IllegalStateException("the bare client would send another body than the adapter:\n adapter "
                        + seen.get() + "\n bare    " + bare + "\nupdate SandboxWorld.updateJson to match");
            }
        } finally {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; encoding=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
