package io.wxcard.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.wxcard.application.port.out.events.WebhookSender;
import java.net.InetAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdkWebhookSenderTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final Receiver receiver = Receiver.start();
    private final WebhookSender sender = Webhooks.sender(WebhookSenderSettings.defaults(threads).withLoopback(true));

    @AfterEach
    void stop() {
        receiver.close();
        threads.shutdownNow();
    }

    @Test
    void posts_the_body_and_headers_as_json_and_answers_the_status() {
        Either<String, Integer> answer = sender.post(receiver.url("/hooks/erp"), Map.of("Wxcard-Signature", "t=1,v1=ab",
                "Wxcard-Event-Id", "ev_1"), "{\"id\":\"ev_1\",\"note\":\"积分\"}");

        assertThat(answer).isEqualTo(Either.right(200));
        Receiver.Received got = receiver.received.get(0);
        assertThat(got.path()).isEqualTo("/hooks/erp");
        assertThat(got.body()).isEqualTo("{\"id\":\"ev_1\",\"note\":\"积分\"}");
        assertThat(got.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(got.header("Wxcard-Signature")).isEqualTo("t=1,v1=ab");
        assertThat(got.header("Wxcard-Event-Id")).isEqualTo("ev_1");
    }

    @Test
    void never_follows_a_redirect() {
        receiver.answer(302, "http://169.254.169.254/latest/meta-data/");

        assertThat(sender.post(receiver.url("/hooks"), Map.of(), "{}")).isEqualTo(Either.right(302));
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void refuses_loopback_unless_allowed_and_link_local_and_metadata_always_without_naming_the_url() {
        WebhookSender strict = Webhooks.sender(WebhookSenderSettings.defaults(threads));

        Either<String, Integer> loopback = strict.post(receiver.url("/secret-token-123"), Map.of(), "{}");
        assertThat(loopback.getLeft()).contains("loopback").doesNotContain("secret-token-123");
        assertThat(receiver.received).isEmpty();
        assertThat(sender.post(URI.create("http://169.254.169.254/latest"), Map.of(), "{}").getLeft())
                .contains("link-local");
        assertThat(sender.post(URI.create("http://100.100.100.200/latest"), Map.of(), "{}").getLeft())
                .contains("metadata");
        assertThat(strict.post(URI.create("https://10.1.2.3/erp"), Map.of(), "{}").getLeft())
                .contains("private network");
    }

    @Test
    void a_receiver_that_is_down_is_an_answer_naming_no_url() {
        receiver.stop();

        Either<String, Integer> down = sender.post(receiver.url("/token-abc"), Map.of(), "{}");

        assertThat(down.getLeft()).startsWith("could not reach the receiver").doesNotContain("token-abc", "127.0.0.1");
    }

    @Test
    void tells_private_and_public_addresses_apart() throws Exception {
        AddressCheck check = new AddressCheck(false, false);
        assertThat(check.refusal(InetAddress.getByName("192.168.1.10"))).isNotEmpty();
        assertThat(check.refusal(InetAddress.getByName("172.20.0.1"))).isNotEmpty();
        assertThat(check.refusal(InetAddress.getByName("fd12::1"))).isNotEmpty();
        assertThat(check.refusal(InetAddress.getByName("fe80::1"))).isNotEmpty();
        assertThat(check.refusal(InetAddress.getByName("0.0.0.0"))).isNotEmpty();
        assertThat(check.refusal(InetAddress.getByName("203.0.113.7"))).isEmpty();
        assertThat(new AddressCheck(false, true).refusal(InetAddress.getByName("10.0.0.1"))).isEmpty();
    }
}
