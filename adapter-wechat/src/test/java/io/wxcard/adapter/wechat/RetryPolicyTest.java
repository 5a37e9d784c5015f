package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.LandingPageRequest;
import io.wxcard.application.port.out.wechat.MemberTotals;
import io.wxcard.application.port.out.wechat.MemberUpdate;
import io.wxcard.application.port.out.wechat.QrCodeRequest;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatActivation;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Secret;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What is retried and what is not, over HTTP: the sandbox's faults (busy, 5xx gateway pages, dropped connections,
 * slowness), a proxy that loses an answer after WeChat applied the call, a stub for the errcodes the sandbox never
 * gives. Call counts come from the sandbox's call log (faulted calls carry no appid there, so counts are deltas on a
 * sandbox this class has to itself).
 */
class RetryPolicyTest {

    private static SandboxFixture sandbox;
    private static SandboxFixture.Account account;
    private static WechatAdapter adapter;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        account = sandbox.newAccount();
        adapter = WechatAdapter.create(sandbox.settings(), new InMemoryStores().tokens(), Clock.system());
    }

    @AfterEach
    void clearFaults() {
        sandbox.clearFaults();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static WechatAccount wx() {
        return account.account();
    }

    private static int calls(String path) {
        return sandbox.calls(path, null).size();
    }

    private static void fault(String kind, String pathPrefix) {
        sandbox.faults(sandbox.object().put(kind, 1.0).put("path_prefix", pathPrefix));
    }

    private static WechatCardId approvedCard(ActivationMode mode) {
        WechatCardId cardId = adapter.catalog().create(wx(), Fixtures.definitionActivatedBy(mode)).get();
        new SandboxControl(sandbox).review(cardId, true);
        return cardId;
    }

    private static Code activatedMember(WechatCardId cardId) {
        Code code = new SandboxControl(sandbox).handOut(cardId, new OpenId("o" + SandboxFixture.shortId()));
        assertThat(adapter.members().activate(wx(), new WechatActivation(cardId, code,
                new MembershipNumber("M" + code.value()), Option.none(), Option.none(), Option.none()))
                .isRight()).isTrue();
        return code;
    }

    private static MemberUpdate totals(WechatCardId cardId, Code code, long bonus, long balance) {
        return new MemberUpdate(cardId, code, Points.of(bonus), Fen.of(balance), Option.of(bonus), Option.of("sale"),
                Option.none(), Option.none(), true, false);
    }

    // ---- updateuser: idempotent through absolute totals ------------------------------------------------------

    @Test
    void retries_updateuser_on_system_busy_up_to_the_last_attempt() {
        WechatCardId cardId = approvedCard(ActivationMode.MERCHANT_PAGE);
        Code code = activatedMember(cardId);
        int before = calls("/card/membercard/updateuser");
        fault("busy_ratio", "/card/membercard/updateuser");

        WechatError error = adapter.members().updateMember(wx(), totals(cardId, code, 300, 0)).getLeft();

        assertThat(error.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(error.code()).isEqualTo("-1");
        assertThat(error.message()).contains("after " + Retries.MAX_ATTEMPTS + " attempts");
        assertThat(calls("/card/membercard/updateuser") - before).isEqualTo(Retries.MAX_ATTEMPTS);
    }

    @Test
    void retries_an_asynchronous_updateuser_on_system_busy_up_to_the_last_attempt() throws Exception {
        WechatCardId cardId = approvedCard(ActivationMode.MERCHANT_PAGE);
        Code code = activatedMember(cardId);
        int before = calls("/card/membercard/updateuser");
        fault("busy_ratio", "/card/membercard/updateuser");

        WechatError error = adapter.members().updateMemberAsync(wx(), totals(cardId, code, 300, 0))
                .get(30, java.util.concurrent.TimeUnit.SECONDS).getLeft();

        assertThat(error.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(error.code()).isEqualTo("-1");
        assertThat(error.message()).contains("after " + Retries.MAX_ATTEMPTS + " attempts");
        assertThat(calls("/card/membercard/updateuser") - before).isEqualTo(Retries.MAX_ATTEMPTS);
    }

    @Test
    void an_updateuser_whose_answer_was_lost_after_wechat_applied_it_is_repeated_onto_the_same_totals() {
        WechatCardId cardId = approvedCard(ActivationMode.MERCHANT_PAGE);
        Code code = activatedMember(cardId);
        AtomicInteger seen = new AtomicInteger();
        try (StubServer proxy = new StubServer().forwardingTo(sandbox.baseUrl())) {
            proxy.on("/card/membercard/updateuser", request -> {
                StubServer.Answer applied = proxy.forward(request);
                return seen.incrementAndGet() == 1 ? StubServer.Answer.json("{\"errcode\":-1,\"errmsg\":\"system error\"}")
                        : applied;
            });
            WechatAdapter viaProxy = WechatAdapter.create(sandbox.settings().withApiBaseUrl(proxy.baseUrl()),
                    new InMemoryStores().tokens(), Clock.system());

            MemberTotals result = viaProxy.members().updateMember(wx(), totals(cardId, code, 300, 0)).get();

            assertThat(result.bonus()).isEqualTo(Points.of(300));
            assertThat(proxy.received("/card/membercard/updateuser")).hasSize(2);
        }
        JsonNode member = sandbox.member(cardId.value(), code.value());
        assertThat(member.get("bonus").asLong()).isEqualTo(300);
        assertThat(member.get("changes")).hasSize(1); // applied twice, moved once
    }

    // ---- create, QR codes, landing pages, stock: never repeated blindly ---------------------------------------

    @Test
    void does_not_retry_card_create_on_system_busy() {
        int before = calls("/card/create");
        fault("busy_ratio", "/card/create");

        WechatError error = adapter.catalog().create(wx(), Fixtures.definition()).getLeft();

        assertThat(error.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(calls("/card/create") - before).isEqualTo(1);
    }

    @Test
    void does_not_retry_card_create_after_a_timeout_since_the_card_may_exist() throws Exception {
        SandboxFixture.Account own = sandbox.newAccount();
        WechatAdapter impatient = WechatAdapter.create(sandbox.settings().withReadTimeout(Duration.ofMillis(400))
                .withCallDeadline(Duration.ofSeconds(3)), new InMemoryStores().tokens(), Clock.system());
        assertThat(impatient.catalog().list(own.account(), 0, 1).isRight()).isTrue(); // token first, unfaulted
        sandbox.faults(sandbox.object().put("slow_ratio", 1.0).put("slow_ms", 1200).put("path_prefix", "/card/create"));

        WechatError error = impatient.catalog().create(own.account(), Fixtures.definition()).getLeft();

        assertThat(error.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(error.code()).isEqualTo("network");
        Thread.sleep(1500); // the slow create finishes on WeChat's side
        sandbox.clearFaults();
        assertThat(sandbox.calls("/card/create", own.appId())).hasSize(1);
        assertThat(impatient.catalog().list(own.account(), 0, 50).get()).hasSize(1); // it did create the card
    }

    @Test
    void does_not_retry_qr_codes_landing_pages_or_stock_changes_on_a_gateway_error() {
        WechatCardId cardId = approvedCard(ActivationMode.AUTO);
        Map<String, Runnable> calls = Map.of(
                "/card/qrcode/create", () -> adapter.distribution().createQrCode(wx(), new QrCodeRequest(cardId,
                        Option.none(), Option.none(), false, Option.none(), Option.none())),
                "/card/landingpage/create", () -> adapter.distribution().createLandingPage(wx(),
                        new LandingPageRequest("https://x/b.png", "t", false, "SCENE_H5",
                                List.of(new LandingPageRequest.Entry(cardId, "https://x/t.png")))),
                "/card/modifystock", () -> adapter.catalog().changeStock(wx(), cardId, 5));
        calls.forEach((path, call) -> {
            int before = calls(path);
            fault("http_5xx_ratio", path);

            call.run();

            assertThat(calls(path) - before).as(path).isEqualTo(1);
        });
    }

    @Test
    void does_not_retry_create_when_the_connection_drops_but_retries_a_read() {
        WechatCardId cardId = approvedCard(ActivationMode.AUTO);
        int creates = calls("/card/create");
        int gets = calls("/card/get");
        fault("drop_ratio", "/card/create");
        assertThat(adapter.catalog().create(wx(), Fixtures.definition()).getLeft().code()).isEqualTo("network");
        fault("drop_ratio", "/card/get");
        assertThat(adapter.catalog().get(wx(), cardId).getLeft().kind()).isEqualTo(Kind.TRANSIENT);

        assertThat(calls("/card/create") - creates).isEqualTo(1);
        assertThat(calls("/card/get") - gets).isEqualTo(Retries.MAX_ATTEMPTS);
    }

    // ---- reads: retried, within the deadline -----------------------------------------------------------------

    @Test
    void retries_a_read_on_a_gateway_page_and_answers_a_clean_error() {
        WechatCardId cardId = approvedCard(ActivationMode.AUTO);
        int before = calls("/card/get");
        fault("http_5xx_ratio", "/card/get");

        WechatError error = adapter.catalog().get(wx(), cardId).getLeft();

        assertThat(error.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(error.code()).isEqualTo("http_503");
        assertThat(error.message()).doesNotContain("<html").doesNotContain("access_token");
        assertThat(calls("/card/get") - before).isEqualTo(Retries.MAX_ATTEMPTS);
    }

    @Test
    void gives_up_within_the_call_deadline_when_wechat_is_slow() {
        WechatCardId cardId = approvedCard(ActivationMode.AUTO);
        Duration deadline = Duration.ofMillis(1500);
        WechatAdapter bounded = WechatAdapter.create(sandbox.settings().withCallDeadline(deadline),
                new InMemoryStores().tokens(), Clock.system());
        assertThat(bounded.catalog().list(wx(), 0, 1).isRight()).isTrue();
        sandbox.faults(sandbox.object().put("slow_ratio", 1.0).put("slow_ms", 5000).put("path_prefix", "/card/get"));

        long started = System.nanoTime();
        Either<WechatError, ?> result = bounded.catalog().get(wx(), cardId);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.getLeft().kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(took).isLessThan(deadline.plusSeconds(1));
    }

    @Test
    void retries_even_a_create_when_the_connection_could_not_be_made() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        WechatAdapter unreachable = WechatAdapter.create(WechatSettings.defaults()
                .withBaseUrl("http://127.0.0.1:" + port), new InMemoryStores().tokens(), Clock.system());

        WechatError error = unreachable.catalog().create(new WechatAccount(new AppId("wxnowhere"), Secret.of("s")),
                Fixtures.definition()).getLeft();

        assertThat(error.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(error.message()).contains("could not connect").contains("after " + Retries.MAX_ATTEMPTS);
    }

    // ---- errcodes that are never looped, and the whole table of section 7 -------------------------------------

    @Test
    void maps_every_errcode_of_the_table_and_never_repeats_the_ones_that_are_not_transient() {
        Map<Long, Kind> table = Map.ofEntries(Map.entry(45009L, Kind.QUOTA), Map.entry(45011L, Kind.QUOTA),
                Map.entry(40164L, Kind.FORBIDDEN), Map.entry(48001L, Kind.FORBIDDEN),
                Map.entry(41011L, Kind.CLIENT_ERROR), Map.entry(41012L, Kind.CLIENT_ERROR),
                Map.entry(45021L, Kind.CLIENT_ERROR), Map.entry(40056L, Kind.NOT_FOUND),
                Map.entry(40116L, Kind.NOT_FOUND), Map.entry(40078L, Kind.CONFLICT), Map.entry(40099L, Kind.CONFLICT),
                Map.entry(40122L, Kind.CLIENT_ERROR), Map.entry(40124L, Kind.CLIENT_ERROR),
                Map.entry(40127L, Kind.CONFLICT), Map.entry(43010L, Kind.FORBIDDEN), Map.entry(45030L, Kind.FORBIDDEN),
                Map.entry(45031L, Kind.CONFLICT), Map.entry(45033L, Kind.CONFLICT), Map.entry(99999L, Kind.CLIENT_ERROR));
        table.forEach((errcode, kind) -> {
            try (StubServer stub = new StubServer()) {
                stub.withTokens().on("/card/get", r -> StubServer.Answer.json("{\"errcode\":" + errcode
                        + ",\"errmsg\":\"what WeChat said\"}"));
                WechatAdapter viaStub = WechatAdapter.create(WechatSettings.defaults().withBaseUrl(stub.baseUrl()),
                        new InMemoryStores().tokens(), Clock.system());

                WechatError error = viaStub.catalog().get(new WechatAccount(new AppId("wxstub"), Secret.of("s")),
                        new WechatCardId("pCard")).getLeft();

                assertThat(error.kind()).as("errcode %s", errcode).isEqualTo(kind);
                assertThat(error.code()).isEqualTo(Long.toString(errcode));
                assertThat(error.message()).isEqualTo("what WeChat said");
                assertThat(stub.received("/card/get")).as("errcode %s is not repeated", errcode).hasSize(1);
            }
        });
    }

    @Test
    void repeats_system_busy_on_a_read_but_not_on_a_create() {
        try (StubServer stub = new StubServer()) {
            String busy = "{\"errcode\":-1,\"errmsg\":\"system error\"}";
            stub.withTokens().on("/card/get", r -> StubServer.Answer.json(busy))
                    .on("/card/create", r -> StubServer.Answer.json(busy));
            WechatAdapter viaStub = WechatAdapter.create(WechatSettings.defaults().withBaseUrl(stub.baseUrl()),
                    new InMemoryStores().tokens(), Clock.system());
            WechatAccount someone = new WechatAccount(new AppId("wxstub"), Secret.of("s"));

            assertThat(viaStub.catalog().get(someone, new WechatCardId("pCard")).getLeft().kind())
                    .isEqualTo(Kind.TRANSIENT);
            assertThat(viaStub.catalog().create(someone, Fixtures.definition()).getLeft().kind())
                    .isEqualTo(Kind.TRANSIENT);

            assertThat(stub.received("/card/get")).hasSize(Retries.MAX_ATTEMPTS);
            assertThat(stub.received("/card/create")).hasSize(1);
        }
    }
}
