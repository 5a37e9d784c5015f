package io.wxcard.application.port.out.events;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * One event owed to one webhook, with its delivery record.
 *
 * @param owedAt    when it was owed (or put back by an operator): the retry span counts from here
 * @param attempts  how many posts failed so far
 * @param lastError why the last one failed (a status or a network error; never a secret or the body)
 */
public record WebhookDelivery(Webhook webhook, MerchantEvent event, State state, Instant owedAt, int attempts,
                              Instant notBefore,
                              Option<String> lastError) {

    public enum State { PENDING, DELIVERED, DEAD }
}
