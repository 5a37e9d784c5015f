package io.wxcard.application.port.out.events;

import io.vavr.control.Either;
import java.net.URI;
import java.util.Map;

/**
 * Posts a signed event to a webhook's URL. Never follows a redirect, and refuses, before connecting, an address the
 * URL may not reach (link-local and metadata addresses always; loopback and private ones unless allowed), checked on
 * what the name resolves to at the time of sending.
 */
public interface WebhookSender {

    /**
     * @return the HTTP status the receiver answered, or why nothing was answered (a refused address, a timeout, a
     *         network error; never the body or a header's value)
     */
    Either<String, Integer> post(URI url, Map<String, String> headers, String body);
}
