package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.RetryableException;
import io.wxcard.adapter.wechat.WechatCallException.Repeat;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The retry mechanism, the endpoints' declared repeat safety and the failure classification, without a network. */
class RetriesTest {

    private final Retries retries = new Retries(WechatSettings.defaults());
    private static final WechatError BUSY = new WechatError(Kind.TRANSIENT, "-1", "system error");

    private static Method endpoint(Class<?> api, String name) {
        return Arrays.stream(api.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    private int attempts(Retries retries, Method endpoint, Repeat repeat) {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retries.run(endpoint, null, () -> {
            attempts.incrementAndGet();
            throw new WechatCallException(BUSY, repeat);
        })).isInstanceOf(WechatCallException.class);
        return attempts.get();
    }

    @Test
    void declares_repeat_safety_on_the_endpoints_themselves() {
        Set<String> notRepeatSafe = Arrays.stream(OaApi.class.getDeclaredMethods())
                .filter(m -> !m.isAnnotationPresent(RepeatSafe.class)).map(Method::getName).collect(Collectors.toSet());

        assertThat(notRepeatSafe).containsExactlyInAnyOrder("create", "delete", "modifyStock", "createQrCode",
                "createLandingPage", "unavailable", "activate", "consume", "codeUpdate", "addPayGiftRule",
                "deletePayGiftRule", "sendTemplate");
        assertThat(endpoint(OaMediaApi.class, "uploadImage").isAnnotationPresent(RepeatSafe.class)).isTrue();
        assertThat(endpoint(PayApi.class, "importMember").isAnnotationPresent(RepeatSafe.class)).isTrue();
        assertThat(Arrays.stream(TokenApi.class.getDeclaredMethods()))
                .allMatch(m -> m.isAnnotationPresent(RepeatSafe.class));
    }

    @Test
    void repeats_what_never_reached_wechat_on_every_endpoint() {
        assertThat(attempts(retries, endpoint(OaApi.class, "create"), Repeat.NOT_APPLIED))
                .isEqualTo(Retries.MAX_ATTEMPTS);
        assertThat(attempts(retries, endpoint(OaApi.class, "createQrCode"), Repeat.NOT_APPLIED))
                .isEqualTo(Retries.MAX_ATTEMPTS);
    }

    @Test
    void repeats_what_may_have_been_applied_only_on_repeat_safe_endpoints() {
        assertThat(attempts(retries, endpoint(OaApi.class, "updateUser"), Repeat.MAYBE_APPLIED))
                .isEqualTo(Retries.MAX_ATTEMPTS);
        assertThat(attempts(retries, endpoint(PayApi.class, "importMember"), Repeat.MAYBE_APPLIED))
                .isEqualTo(Retries.MAX_ATTEMPTS);
        for (String once : new String[] {"create", "createQrCode", "createLandingPage", "modifyStock", "unavailable",
            "delete", "activate", "consume", "codeUpdate"}) {
            assertThat(attempts(retries, endpoint(OaApi.class, once), Repeat.MAYBE_APPLIED)).as(once).isEqualTo(1);
        }
    }

    @Test
    void never_repeats_an_answer_given_on_purpose() {
        assertThat(attempts(retries, endpoint(OaApi.class, "get"), Repeat.NEVER)).isEqualTo(1);
    }

    @Test
    void stops_repeating_when_the_deadline_passes() {
        Retries tight = new Retries(WechatSettings.defaults().withCallDeadline(Duration.ofMillis(120)));

        long started = System.nanoTime();
        int attempts = attempts(tight, endpoint(OaApi.class, "get"), Repeat.MAYBE_APPLIED);

        assertThat(attempts).isLessThan(Retries.MAX_ATTEMPTS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void says_how_many_attempts_a_failure_took_and_names_the_endpoint_by_its_path() {
        WechatCallException failure = (WechatCallException) org.assertj.core.api.Assertions.catchThrowable(
                () -> retries.run(endpoint(OaApi.class, "get"), null, () -> {
                    throw new WechatCallException(BUSY, Repeat.MAYBE_APPLIED);
                }));

        assertThat(failure.error().message()).isEqualTo("system error (after 3 attempts)");
        assertThat(Retries.endpointName(endpoint(OaApi.class, "cardTicket"))).isEqualTo("/cgi-bin/ticket/getticket");
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

            WechatCallException failure = Retries.classified(feign, "/card/create");

            assertThat(failure.repeat()).as(cause.toString()).isEqualTo(repeat);
            assertThat(failure.error().kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(failure.error().message()).doesNotContain("SECRET_TOKEN").doesNotContain("http://");
            assertThat(failure.toString()).doesNotContain("SECRET_TOKEN");
        });
    }
}
