package io.wxcard.domain.card;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * What happened to a card that someone outside must hear of; the application turns each into its outbox task. The
 * other transitions change the card and no one else (WeChat told us of them, or was asked first), so they have no
 * event: a type that nothing reads is not kept.
 */
public sealed interface CardEvent {
    CardId cardId();

    Instant occurredAt();

    /** WeChat still shows the card until it is deleted there too. */
    record CardDeleted(CardId cardId, Option<WechatCardId> wechatCardId, Instant occurredAt) implements CardEvent {}
}
