package io.wxcard.application.port.in;

/** How often WeChat warned that a card's stock runs low ({@code card_sku_remind}), for the operator's metrics. */
public interface StockAlertsQuery {

    /** Warnings applied by this instance since it started. */
    long stockLowAlerts();
}
