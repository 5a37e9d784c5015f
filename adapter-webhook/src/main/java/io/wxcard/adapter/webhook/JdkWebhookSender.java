package io.wxcard.adapter.webhook;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.events.WebhookSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@link WebhookSender} on {@code java.net.http.HttpClient}: a POST of the event's JSON with the signature headers,
 * redirects never followed (a 3xx is a failed delivery), the host's addresses checked just before. Errors name what
 * went wrong, never the URL (its path or query may hold the receiver's own token) or the body.
 *
 * <p>The check resolves the host, and the client resolves it again to connect: a name that changes its answer in
 * between could slip through. Closing that gap needs connecting to the checked address, which the JDK's client does
 * not allow while keeping the host name for TLS; a receiver that needs more puts its webhook behind a fixed address.
 */
final class JdkWebhookSender implements WebhookSender {

    private final HttpClient client;
    private final WebhookSenderSettings settings;
    private final AddressCheck addresses;

    JdkWebhookSender(WebhookSenderSettings settings, AddressCheck addresses) {
        this.settings = settings;
        this.addresses = addresses;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .executor(settings.executor())
                .build();
    }

    @Override
    public Either<String, Integer> post(URI url, Map<String, String> headers, String body) {
        Option<String> refused = addresses.refusal(url.getHost());
        if (refused.isDefined()) {
            return Either.left(refused.get());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "wxcard-webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            return Either.right(client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException slow) {
            return Either.left("the receiver did not answer within " + settings.requestTimeout().toSeconds() + " s");
        } catch (IOException unreachable) {
            return Either.left("could not reach the receiver (" + unreachable.getClass().getSimpleName() + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Either.left("the post was interrupted (the instance is stopping)");
        }
    }
}
