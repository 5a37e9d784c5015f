package io.wxcard.application.port.in;

/**
 * The loops that move events on, run by every instance: placing committed events in the change feed (and owing them
 * to webhooks), posting webhook deliveries, telling this instance's listeners, forgetting old events.
 */
public interface RelayEventsUseCase {

    /** Places one batch of committed events; answers how many (0: nothing waited). */
    int placeEvents();

    /** Posts one batch of due webhook deliveries; answers how many were tried. */
    int deliverWebhooks();

    /** Hands this instance's listeners the events placed since they last heard; answers how many. */
    int notifyListeners();

    /** Removes events older than the feed's retention, and answers how many. */
    int forgetOldEvents();
}
