package io.wxcard.domain.card;

import io.vavr.control.Option;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;

/** Everything that happens to a card. */
public sealed interface CardEvent {
    CardId cardId();

    Instant occurredAt();

    record CardDrafted(CardId cardId, TenantId tenantId, Instant occurredAt) implements CardEvent {}

    record CardEdited(CardId cardId, CardState stateAfter, Instant occurredAt) implements CardEvent {}

    record CardSubmitted(CardId cardId, WechatCardId wechatCardId, Instant occurredAt) implements CardEvent {}

    /** An edit of an approved or issued card that WeChat wants to review again ({@code send_check}). */
    record CardSentBackToReview(CardId cardId, Instant occurredAt) implements CardEvent {}

    record CardApproved(CardId cardId, CardState stateAfter, Instant occurredAt) implements CardEvent {}

    record CardRejected(CardId cardId, String refusalReason, Instant occurredAt) implements CardEvent {}

    /** The first member received the card. */
    record CardIssued(CardId cardId, Instant occurredAt) implements CardEvent {}

    record CardDeleted(CardId cardId, Option<WechatCardId> wechatCardId, Instant occurredAt) implements CardEvent {}

    record ActivationFormConfigured(CardId cardId, Instant occurredAt) implements CardEvent {}

    record TestWhitelistSet(CardId cardId, Instant occurredAt) implements CardEvent {}
}
