package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The answer latency: every OA and Pay answer waits, concurrently, without holding a server thread each. */
class LatencyTest {

    @Test
    void two_hundred_slow_calls_at_once_wait_side_by_side_not_in_a_queue() {
        try (Fixture f = Fixture.start(SandboxSettings.defaults().withoutAutoReview()
                .withLatency(Duration.ofMillis(400)), SandboxApp.plain(Fixture.APP_ID, Fixture.SECRET, Fixture.TOKEN,
                null))) {
            String token = f.token();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create(f.http.baseUrl()
                        + "/cgi-bin/ticket/getticket?type=wx_card&access_token=" + token)).timeout(Duration.ofSeconds(30))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture.allOf(calls.toArray(new CompletableFuture[0])).join();
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(calls).allSatisfy(call -> assertThat(call.join().body()).contains("\"errcode\":0"));
            assertThat(elapsedMs).isGreaterThanOrEqualTo(400).isLessThan(8_000); // queued: 200 x 400 ms = 80 s
        }
    }

    @Test
    void official_account_and_pay_answers_wait_the_control_api_does_not_and_the_latency_can_change() {
        try (Fixture f = Fixture.start()) {
            assertThat(f.control("/sandbox/latency", "{\"ms\":300}").json().get("ms").asLong()).isEqualTo(300);
            assertThat(f.http.get("/sandbox/latency").json().get("ms").asLong()).isEqualTo(300);
            assertThat(f.sandbox.latency()).isEqualTo(Duration.ofMillis(300));

            assertThat(timed(() -> f.token())).isGreaterThanOrEqualTo(300);
            Http.Response[] pay = new Http.Response[1];
            long payMs = timed(() -> pay[0] = f.http.post(
                    "/v3/marketing/membercard-open/cards/pAny/users/import", "{}"));
            assertThat(payMs).isGreaterThanOrEqualTo(300);
            assertThat(pay[0].status()).isEqualTo(401);
            assertThat(pay[0].headers().firstValue("Wechatpay-Signature")).isPresent();
            assertThat(timed(() -> f.http.get("/sandbox/health"))).isLessThan(300);

            f.sandbox.setLatency(Duration.ZERO);
            assertThat(timed(() -> f.http.get("/cgi-bin/token?grant_type=client_credential&appid=" + Fixture.APP_ID
                    + "&secret=" + Fixture.SECRET))).isLessThan(300);
            assertThat(f.control("/sandbox/latency", "{\"ms\":-1}").status()).isEqualTo(400);
        }
    }

    private static long timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1_000_000;
    }
}
