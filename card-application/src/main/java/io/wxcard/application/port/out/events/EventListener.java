package io.wxcard.application.port.out.events;

/**
 * For teams that embed the application: called with every event, in change-feed order, after the change that made it
 * committed. Called from one thread of the instance; a listener that throws gets the same event again (at least once,
 * de-duplicate on {@link MerchantEvent#id()}), so a slow or failing listener holds back only the listeners.
 */
@FunctionalInterface
public interface EventListener {
    void onEvent(MerchantEvent event);
}
