package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.SharedTokenStore;
import io.wxcard.application.port.out.store.SharedTokenStore.TokenKey;
import io.wxcard.application.port.out.wechat.CardExtRequest;
import io.wxcard.application.port.out.wechat.ImportRequest;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No appsecret, access_token, card ticket or merchant key in any log line (at DEBUG, everything the adapter and Feign
 * write), in any error a caller gets, or in any exception message, across a run that fetches, refreshes, fails and
 * retries. The sandbox's and Jetty's own logs are not the adapter's and are left out.
 */
class SecretsNotLeakedTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level rootLevel;
    private SandboxFixture sandbox;

    @BeforeEach
    void captureEverything() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs.setContext(context);
        logs.start();
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        context.getLogger("io.wxcard.adapter").setLevel(Level.ALL);
        root.addAppender(logs);
        sandbox = SandboxFixture.start();
    }

    @AfterEach
    void restore() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        sandbox.close();
    }

    @Test
    void keeps_every_secret_out_of_logs_errors_and_exceptions() throws Exception {
        SandboxFixture.Account account = sandbox.newAccount();
        SharedTokenStore store = new InMemoryStores().tokens();
        WechatAdapter adapter = WechatAdapter.create(sandbox.settings().withReadTimeout(Duration.ofMillis(300))
                .withCallDeadline(Duration.ofSeconds(2)), store, Clock.system());
        WechatAccount wx = account.account();
        MerchantCredentials merchant = sandbox.merchant(account);
        Set<String> secrets = new HashSet<>(Set.of(account.secret(), "not-the-right-secret",
                merchant.apiV3Key().reveal(), pemBody(merchant.privateKeyPem().reveal())));
        List<Either<WechatError, ?>> results = new ArrayList<>();
        TokenKey tokenKey = new TokenKey(account.appId(), TokenKey.Kind.ACCESS_TOKEN);
        TokenKey ticketKey = new TokenKey(account.appId(), TokenKey.Kind.CARD_TICKET);

        WechatCardId cardId = adapter.catalog().create(wx, Fixtures.definition()).get();
        new SandboxControl(sandbox).review(cardId, true);
        results.add(adapter.distribution().signCardExt(wx, new CardExtRequest(cardId, Option.none(), Option.none(),
                Option.none(), Option.none())));
        secrets.add(store.read(tokenKey).get().value());
        secrets.add(store.read(ticketKey).get().value());
        sandbox.expireTokens();
        results.add(adapter.catalog().get(wx, cardId));
        secrets.add(store.read(tokenKey).get().value());
        for (String fault : new String[] {"http_5xx_ratio", "busy_ratio", "drop_ratio"}) {
            sandbox.faults(sandbox.object().put("clear", true).put(fault, 1.0).put("path_prefix", "/card/get"));
            results.add(adapter.catalog().get(wx, cardId));
        }
        sandbox.faults(sandbox.object().put("clear", true).put("slow_ratio", 1.0).put("slow_ms", 1000)
                .put("path_prefix", "/card/get"));
        results.add(adapter.catalog().get(wx, cardId));
        sandbox.clearFaults();
        results.add(adapter.catalog().get(new WechatAccount(new AppId(sandbox.newAccount().appId()),
                Secret.of("not-the-right-secret")), cardId));
        results.add(adapter.memberImport().importMember(new MerchantCredentials(merchant.merchantId(), "WRONGSERIAL",
                merchant.privateKeyPem(), merchant.apiV3Key(), merchant.platformSerial(),
                merchant.platformPublicKeyPem()), new ImportRequest(cardId, new OpenId("oLeak1"), Option.none(), "i-1")));
        adapter.payCardUpgrade().upgrade(merchant, cardId, new io.wxcard.domain.card.BrandId("1001622624"), wx.appId())
                .get(); // WeChat Pay imports only into an upgraded card
        results.add(adapter.memberImport().importMember(merchant,
                new ImportRequest(cardId, new OpenId("oLeak2"), Option.none(), "i-2")));

        List<String> errors = results.stream().filter(Either::isLeft).map(r -> r.getLeft().toString()).toList();
        assertThat(errors).hasSize(6);
        List<String> lines = logs.list.stream()
                .filter(e -> !e.getLoggerName().startsWith("io.wxcard.sandbox")
                        && !e.getLoggerName().startsWith("org.eclipse.jetty") && !e.getLoggerName().startsWith("io.javalin"))
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                        : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .toList();
        assertThat(lines).as("the adapter logs what it does").isNotEmpty();
        for (String secret : secrets) {
            assertThat(lines).noneMatch(line -> line.contains(secret));
            assertThat(errors).noneMatch(error -> error.contains(secret));
        }
        assertThat(lines).noneMatch(line -> line.contains("access_token="));
        assertThat(errors).noneMatch(error -> error.contains("access_token=") || error.contains("http://"));
        assertThat(wx.toString()).doesNotContain(account.secret());
        assertThat(merchant.toString()).doesNotContain(merchant.apiV3Key().reveal());
    }

    private static String pemBody(String pem) {
        return pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "").substring(0, 64);
    }
}
