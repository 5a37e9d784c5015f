package io.wxcard.sandbox;

/**
 * Where the parts of the sandbox say "the state changed", so that a state file (when there is one) saves it soon.
 * Cheap and non-blocking: the listener only marks the state dirty and schedules a save on its own thread.
 */
final class StateChanges {
    private volatile Runnable listener = () -> { };

    void listen(Runnable listener) {
        this.listener = listener;
    }

    void changed() {
        listener.run();
    }
}
