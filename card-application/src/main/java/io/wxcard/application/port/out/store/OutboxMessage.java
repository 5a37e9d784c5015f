package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * A task in the outbox, with its delivery record.
 *
 * @param attempts  how many times sending was tried and failed
 * @param notBefore not to be sent before this instant (back-off)
 * @param lastError why the last attempt failed (never a secret)
 */
public record OutboxMessage(String id, OutboxTask task, int attempts, Instant createdAt, Instant notBefore,
                            Option<String> lastError) {}
