package io.wxcard.domain.statistics;

import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of WeChat's own card statistics, as one of its {@code datacube} calls answers it. Figures a call does not
 * give are 0.
 *
 * @param cardId the card, for {@link Scope#CARD}; none for the account-wide scopes
 */
public record WechatDailyFigures(Scope scope, Option<WechatCardId> cardId, LocalDate day, long viewCount,
                                 long viewUsers, long receiveCount, long receiveUsers, long verifyCount,
                                 long verifyUsers, long activeUsers, long totalUsers, long newUsers, long givenCount,
                                 long expireCount) {

    /** Which call a row comes from. */
    public enum Scope {
        /** {@code datacube/getcardmembercarddetail}: one member card. */
        CARD,
        /** {@code datacube/getcardmembercardinfo}: all the account's member cards made through the API. */
        MEMBER_CARDS,
        /** {@code datacube/getcardbizuininfo}: all the account's cards and coupons. */
        ALL_CARDS
    }

    public WechatDailyFigures {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cardId, "card id");
        Objects.requireNonNull(day, "day");
        if (scope == Scope.CARD && cardId.isEmpty()) {
            throw new IllegalArgumentException("a card's figures name the card");
        }
    }
}
