package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.RetryableException;
import io.wxcard.adapter.wechat.CallRunner.Outcome;
import io.wxcard.adapter.wechat.CallRunner.Repeat;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The retry loop and the failure classification, without a network. */
class CallRunnerTest {

    private final CallRunner runner = new CallRunner(WechatSettings.defaults());
    private static final WechatError BUSY = new WechatError(Kind.TRANSIENT, "-1", "system error");

    private int attempts(Endpoint endpoint, Repeat repeat) {
        AtomicInteger attempts = new AtomicInteger();
        runner.run(endpoint, runner.newDeadline(), options -> {
            attempts.incrementAndGet();
            return Outcome.failure(BUSY, repeat);
        });
        return attempts.get();
    }

    @Test
    void repeats_what_never_reached_wechat_on_every_endpoint() {
        assertThat(attempts(Endpoint.CARD_CREATE, Repeat.NOT_APPLIED)).isEqualTo(CallRunner.MAX_ATTEMPTS);
        assertThat(attempts(Endpoint.QRCODE_CREATE, Repeat.NOT_APPLIED)).isEqualTo(CallRunner.MAX_ATTEMPTS);
    }

    @Test
    void repeats_what_may_have_been_applied_only_on_idempotent_endpoints() {
        assertThat(attempts(Endpoint.UPDATEUSER, Repeat.MAYBE_APPLIED)).isEqualTo(CallRunner.MAX_ATTEMPTS);
        assertThat(attempts(Endpoint.PAY_IMPORT, Repeat.MAYBE_APPLIED)).isEqualTo(CallRunner.MAX_ATTEMPTS);
        for (Endpoint once : new Endpoint[] {Endpoint.CARD_CREATE, Endpoint.QRCODE_CREATE, Endpoint.LANDINGPAGE_CREATE,
            Endpoint.CARD_MODIFYSTOCK, Endpoint.CODE_UNAVAILABLE, Endpoint.CARD_DELETE, Endpoint.MEMBERCARD_ACTIVATE}) {
            assertThat(attempts(once, Repeat.MAYBE_APPLIED)).as(once.path()).isEqualTo(1);
        }
    }

    @Test
    void never_repeats_an_answer_given_on_purpose() {
        assertThat(attempts(Endpoint.CARD_GET, Repeat.NEVER)).isEqualTo(1);
    }

    @Test
    void stops_repeating_when_the_deadline_leaves_no_room() {
        CallRunner tight = new CallRunner(WechatSettings.defaults().withCallDeadline(Duration.ofMillis(120)));
        AtomicInteger attempts = new AtomicInteger();

        tight.run(Endpoint.CARD_GET, tight.newDeadline(), options -> {
            attempts.incrementAndGet();
            return Outcome.failure(BUSY, Repeat.MAYBE_APPLIED);
        });

        assertThat(attempts.get()).isLessThan(CallRunner.MAX_ATTEMPTS);
    }

    @Test
    void cuts_each_attempts_read_timeout_to_what_is_left_of_the_deadline() {
        CallRunner tight = new CallRunner(WechatSettings.defaults().withReadTimeout(Duration.ofSeconds(3))
                .withCallDeadline(Duration.ofMillis(700)));

        Request.Options options = tight.optionsWithin(tight.newDeadline());

        assertThat(options.readTimeoutMillis()).isLessThanOrEqualTo(700);
    }

    @Test
    void backs_off_exponentially_with_jitter_and_a_ceiling() {
        for (int i = 0; i < 100; i++) {
            assertThat(CallRunner.backoff(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(CallRunner.backoff(2)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(CallRunner.backoff(10)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        }
    }

    @Test
    void tells_a_request_that_never_left_from_one_that_may_have_been_applied() {
        Request request = Request.create(Request.HttpMethod.POST, "http://h/card/create?access_token=SECRET_TOKEN",
                Map.of(), new byte[0], null, null);
        Map<Exception, Repeat> cases = Map.of(
                new ConnectException("Connection refused"), Repeat.NOT_APPLIED,
                new HttpConnectTimeoutException("connect timed out"), Repeat.NOT_APPLIED,
                new HttpTimeoutException("request timed out"), Repeat.MAYBE_APPLIED,
                new java.io.IOException("connection reset"), Repeat.MAYBE_APPLIED);
        cases.forEach((cause, repeat) -> {
            RetryableException feign = new RetryableException(-1, "failed executing POST "
                    + "http://h/card/create?access_token=SECRET_TOKEN", Request.HttpMethod.POST, cause, (Long) null,
                    request);

            Outcome<Object> outcome = CallRunner.failure(Endpoint.CARD_CREATE, feign);

            assertThat(outcome.repeat()).as(cause.toString()).isEqualTo(repeat);
            assertThat(outcome.error().kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(outcome.error().message()).doesNotContain("SECRET_TOKEN").doesNotContain("http://");
        });
    }

    @Test
    void classifies_http_statuses_without_a_wechat_answer() {
        assertThat(CallRunner.failure(Endpoint.CARD_GET, new HttpStatusException(503)).repeat())
                .isEqualTo(Repeat.MAYBE_APPLIED);
        assertThat(CallRunner.failure(Endpoint.CARD_GET, new HttpStatusException(429)).error().kind())
                .isEqualTo(Kind.QUOTA);
        assertThat(CallRunner.failure(Endpoint.CARD_GET, new HttpStatusException(400)).repeat())
                .isEqualTo(Repeat.NEVER);
    }
}
