package io.wxcard.spring;

import io.wxcard.application.port.in.ListenToEventsUseCase;
import io.wxcard.application.port.out.events.MerchantEvent;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;

/**
 * wxcard's events (a card approved, a member's points changed, ...) as Spring application events: every
 * {@link MerchantEvent}, after the change that made it committed and in change-feed order, goes to the application's
 * {@code @EventListener void on(MerchantEvent event)} methods. wxcard's listener contract holds: a listener that
 * throws gets the same event again (de-duplicate on {@link MerchantEvent#id()}), and a slow one holds back only the
 * listeners, never the change. Registered once every bean is made; the {@code event-listeners} loop delivers.
 */
public final class SpringApplicationEvents implements SmartInitializingSingleton {

    private final ListenToEventsUseCase events;
    private final ApplicationEventPublisher publisher;

    public SpringApplicationEvents(ListenToEventsUseCase events, ApplicationEventPublisher publisher) {
        this.events = events;
        this.publisher = publisher;
    }

    @Override
    public void afterSingletonsInstantiated() {
        events.register(publisher::publishEvent);
    }
}
