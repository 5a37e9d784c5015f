package io.wxcard.domain.segment;

import io.vavr.control.Either;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A mass send reaches every member of a tag and cannot be called back once read: the product sends one only after the
 * same card went as a preview ({@code message/mass/preview}) to a test openid and WeChat took it, recently enough
 * that the preview still shows what goes out. WeChat itself does not demand a preview; this is the product's rule.
 */
public final class MassSendPolicy {

    /** How long a preview vouches for a mass send of the same card. */
    public static final Duration PREVIEW_VALID_FOR = Duration.ofHours(24);

    private MassSendPolicy() {}

    public static Either<Rejection, CardMessage> previewBefore(List<CardMessage> earlier, CardId cardId, Instant now) {
        return earlier.stream()
                .filter(message -> message.kind() == CardMessage.Kind.PREVIEW && message.cardId().equals(cardId))
                .filter(CardMessage::delivered)
                .filter(message -> !message.sentAt().isBefore(now.minus(PREVIEW_VALID_FOR)))
                .max(java.util.Comparator.comparing(CardMessage::sentAt))
                .<Either<Rejection, CardMessage>>map(Either::right)
                .orElseGet(() -> Either.left(Rejection.of(RejectionCode.MASS_SEND_NOT_PREVIEWED,
                        "send a preview of card " + cardId + " to a test openid first (POST .../messages/preview): "
                                + "a mass send goes out only within " + PREVIEW_VALID_FOR.toHours()
                                + " hours of a preview WeChat took")));
    }
}
