package io.wxcard.application.testing;

import io.vavr.control.Either;
import io.wxcard.application.port.out.events.WebhookSender;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver for the services' tests: keeps what was posted and answers the status it is told to. The real
 * sender is tested over HTTP against a receiver on loopback.
 */
public final class RecordingWebhookSender implements WebhookSender {

    public record Post(URI url, Map<String, String> headers, String body) {}

    public final List<Post> posts = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    /** Answers this status from now on (0: the receiver cannot be reached). */
    public void answer(int newStatus) {
        status = newStatus;
    }

    @Override
    public Either<String, Integer> post(URI url, Map<String, String> headers, String body) {
        int answered = status;
        if (answered == 0) {
            return Either.left("connection refused");
        }
        posts.add(new Post(url, Map.copyOf(headers), body));
        return Either.right(answered);
    }
}
