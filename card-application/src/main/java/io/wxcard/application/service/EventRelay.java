package io.wxcard.application.service;

import io.vavr.control.Option;
import io.wxcard.application.port.in.ListenToEventsUseCase;
import io.wxcard.application.port.in.ReadChangeFeedQuery;
import io.wxcard.application.port.in.RelayEventsUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.events.EventListener;
import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.application.port.out.events.Webhook;
import io.wxcard.application.port.out.store.EventStore;
import io.wxcard.application.port.out.store.WebhookStore;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves events on from the events table, the one place they are written: places them in the change feed (owing each
 * to the webhooks that want it, in the same transaction), serves the feed, and hands them to this instance's
 * listeners. Every consumer reads the same rows, so they all see the same events in the same order.
 */
final class EventRelay implements RelayEventsUseCase, ListenToEventsUseCase, ReadChangeFeedQuery {

    private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);

    private final EventStore events;
    private final WebhookStore webhooks;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;
    private final EventSettings settings;
    private final List<Follower> followers = new CopyOnWriteArrayList<>();

    EventRelay(EventStore events, WebhookStore webhooks, WebhookDispatcher dispatcher, Clock clock,
               EventSettings settings) {
        this.events = events;
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public int placeEvents() {
        return events.place(settings.batchSize(), placed -> {
            for (Webhook webhook : webhooks.all()) {
                List<MerchantEvent> wanted = placed.stream().filter(event -> webhook.tenantId().equals(
                        event.tenantId()) && webhook.wants(event.type())).toList();
                if (!wanted.isEmpty()) {
                    webhooks.owe(webhook, wanted, clock.now());
                }
            }
        }).size();
    }

    @Override
    public int deliverWebhooks() {
        return dispatcher.deliverDue();
    }

    @Override
    public int notifyListeners() {
        int told = 0;
        for (Follower follower : followers) {
            told += follower.catchUp();
        }
        return told;
    }

    @Override
    public int forgetOldEvents() {
        return events.forgetPlacedBefore(clock.now().minus(settings.feedRetention()));
    }

    @Override
    public void register(EventListener listener) {
        followers.add(new Follower(listener, events.lastPosition()));
    }

    @Override
    public FeedPage after(TenantId tenantId, long position, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a feed page holds 1 to " + MAX_LIMIT + " events");
        }
        List<MerchantEvent> page = events.after(Option.of(tenantId), Math.max(0, position), limit);
        return new FeedPage(page, page.isEmpty() ? Math.max(0, position) : page.get(page.size() - 1).position());
    }

    /** One listener and the position it has heard up to; only the relay's loop thread moves it. */
    private final class Follower {
        private final EventListener listener;
        private volatile long heard;

        Follower(EventListener listener, long heard) {
            this.listener = listener;
            this.heard = heard;
        }

        int catchUp() {
            int told = 0;
            for (MerchantEvent event : events.after(Option.none(), heard, settings.batchSize())) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException failed) {
                    LOG.warn("an event listener failed on event {}; it gets the event again", event.id(), failed);
                    return told;
                }
                heard = event.position();
                told++;
            }
            return told;
        }
    }
}
