package io.wxcard.application.port.in;

import io.wxcard.application.port.out.events.EventListener;

/** For teams that embed the application: every event, after commit, in change-feed order (see {@link EventListener}). */
public interface ListenToEventsUseCase {

    /** Starts telling the listener of events placed from now on. */
    void register(EventListener listener);
}
