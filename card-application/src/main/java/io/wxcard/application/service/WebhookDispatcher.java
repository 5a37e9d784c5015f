package io.wxcard.application.service;

import io.vavr.control.Either;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.events.WebhookDelivery;
import io.wxcard.application.port.out.events.WebhookSender;
import io.wxcard.application.port.out.store.WebhookStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts what webhooks are owed: the event's JSON, signed, with its id in a header, so that a receiver that got it
 * before (we retry until a 2xx) can drop it. The store hands out only the oldest pending delivery of each webhook and
 * membership, so one member's events arrive in order; different members' go out side by side. A failure is retried
 * with {@link RetryBackOff} until the retry span has passed since the delivery was owed; then it is dead, kept for
 * an operator, and the member's later events go on.
 */
final class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** Longer than a post may take (the sender's timeouts are seconds): a claim outlives the post it covers. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final WebhookStore webhooks;
    private final WebhookSender sender;
    private final Clock clock;
    private final EventSettings settings;
    private final String owner;
    private final ExecutorService senders;

    WebhookDispatcher(WebhookStore webhooks, WebhookSender sender, Clock clock, EventSettings settings, String owner,
                      ExecutorService senders) {
        this.webhooks = webhooks;
        this.sender = sender;
        this.clock = clock;
        this.settings = settings;
        this.owner = owner;
        this.senders = senders;
    }

    int deliverDue() {
        List<WebhookDelivery> due = webhooks.claim(owner, settings.batchSize(), clock.now(), LEASE);
        List<Future<?>> posts = new ArrayList<>(due.size());
        for (WebhookDelivery delivery : due) {
            posts.add(senders.submit(() -> deliver(delivery)));
        }
        for (Future<?> post : posts) {
            try {
                post.get();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break; // the claims run out and the deliveries are offered again
            } catch (ExecutionException failed) {
                LOG.warn("a webhook delivery failed unexpectedly", failed.getCause());
            }
        }
        return due.size();
    }

    private void deliver(WebhookDelivery delivery) {
        String webhookId = delivery.webhook().id();
        String eventId = delivery.event().id();
        Instant now = clock.now();
        String body = delivery.event().json();
        Map<String, String> headers = Map.of(
                WebhookSignature.HEADER, WebhookSignature.header(delivery.webhook().secret(), now.getEpochSecond(), body),
                "Wxcard-Event-Id", eventId,
                "Wxcard-Event-Type", delivery.event().type().wireName());
        Either<String, Integer> answer = sender.post(delivery.webhook().url(), headers, body);
        if (answer.isRight() && answer.get() / 100 == 2) {
            webhooks.delivered(webhookId, eventId, owner, clock.now());
            return;
        }
        String error = answer.fold(why -> why, status -> "the receiver answered HTTP " + status);
        Instant after = clock.now();
        if (Duration.between(delivery.owedAt(), after).compareTo(settings.webhookRetrySpan()) >= 0) {
            LOG.warn("webhook {} gave up on event {} after {} attempts: {}", webhookId, eventId,
                    delivery.attempts() + 1, error);
            webhooks.dead(webhookId, eventId, owner, error);
        } else {
            webhooks.retryLater(webhookId, eventId, owner, after.plus(RetryBackOff.after(delivery.attempts())), error);
        }
    }
}
