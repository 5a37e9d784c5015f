package io.wxcard.application.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Leaders for tests of group commit: while held, a leader asked for is kept and not run, so that the changes queued
 * meanwhile form one group when the test lets it go; otherwise each runs at once on a daemon thread of its own.
 */
final class GatedLeaders implements Executor {

    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    synchronized void hold() {
        holding = true;
    }

    /** Runs the leaders kept, and every later one at once. */
    void release() {
        List<Runnable> leaders;
        synchronized (this) {
            holding = false;
            leaders = new ArrayList<>(held);
            held.clear();
        }
        leaders.forEach(this::start);
    }

    synchronized int held() {
        return held.size();
    }

    @Override
    public void execute(Runnable leader) {
        synchronized (this) {
            if (holding) {
                held.add(leader);
                return;
            }
        }
        start(leader);
    }

    private void start(Runnable leader) {
        Thread thread = new Thread(leader, "test-ledger-leader");
        thread.setDaemon(true);
        thread.start();
    }
}
