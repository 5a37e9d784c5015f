package io.wxcard.domain.loyalty;

import io.vavr.control.Option;

/**
 * Which changes a card's members hear of, and how. WeChat's own system message for a points or balance change
 * ({@code notify_optional.is_notify_bonus} / {@code is_notify_balance} on updateuser, showing the entry's
 * {@code record_bonus} / {@code record_balance}) and for a new level ({@code is_notify_custom_field1}); on top of
 * them, where the merchant chose one, a template message with a marketing line: on points changes, on balance
 * changes, and after a purchase.
 */
public record NoticeSettings(boolean notifyPoints, boolean notifyBalance, boolean notifyLevel,
                             Option<TemplateNotice> onPoints, Option<TemplateNotice> onBalance,
                             Option<TemplateNotice> afterPurchase) {

    public NoticeSettings {
        onPoints = onPoints == null ? Option.none() : onPoints;
        onBalance = onBalance == null ? Option.none() : onBalance;
        afterPurchase = afterPurchase == null ? Option.none() : afterPurchase;
    }

    /** A card nobody configured: WeChat's system messages as before, no template messages. */
    public static NoticeSettings defaults() {
        return new NoticeSettings(true, true, true, Option.none(), Option.none(), Option.none());
    }
}
