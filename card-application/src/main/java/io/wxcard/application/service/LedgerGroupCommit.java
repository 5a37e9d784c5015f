package io.wxcard.application.service;

import io.vavr.control.Either;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.domain.membership.LedgerResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Leader/follower group commit of points and balance changes (issue 16 item 3). A caller queues its change in the
 * lane of its membership and waits. When the lane has no leader, one starts on the executor: it takes what is queued
 * (up to {@link LedgerGroupSettings#maxGroup}), commits it as one {@link LedgerGroup}, answers each caller, and goes on
 * while changes wait. A change alone is taken at once (no wait for company); changes that arrive while a group
 * commits form the next one.
 *
 * <p>Each change keeps its own answer: a refused change is answered as refused and its neighbours are written. When
 * the group as a whole cannot be written (a lost race with another instance, a key already in the ledger, a failing
 * follow-up), nothing of it is kept and it is committed once more, the entries under its keys read first; when that
 * fails too, each of its changes runs alone, with the unit of work's retries: only the affected ones then see the race.
 */
final class LedgerGroupCommit {

    private final LedgerGroup group;
    private final Function<ChangeLedgerCommand, Either<Failure, LedgerResult>> alone;
    private final Executor leaders;
    private final int maxGroup;
    private final Lane[] lanes;

    LedgerGroupCommit(LedgerGroup group, Function<ChangeLedgerCommand, Either<Failure, LedgerResult>> alone,
                      Executor leaders, LedgerGroupSettings settings) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("group commit is off in these settings");
        }
        this.group = group;
        this.alone = alone;
        this.leaders = leaders;
        this.maxGroup = settings.maxGroup();
        this.lanes = new Lane[settings.lanes()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane();
        }
    }

    /** The change's answer once its group committed (or it ran alone); what the change alone would have answered. */
    Either<Failure, LedgerResult> change(ChangeLedgerCommand command) {
        Waiting waiting = new Waiting(command);
        lanes[Math.floorMod(command.membership().hashCode(), lanes.length)].offer(waiting);
        try {
            return waiting.answer.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }

    /** The changes waiting for a leader now (for tests that form a group on purpose). */
    int queued() {
        int queued = 0;
        for (Lane lane : lanes) {
            queued += lane.queue.size();
        }
        return queued;
    }

    private record Waiting(ChangeLedgerCommand command, CompletableFuture<Either<Failure, LedgerResult>> answer) {
        Waiting(ChangeLedgerCommand command) {
            this(command, new CompletableFuture<>());
        }
    }

    private final class Lane {
        private final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean led = new AtomicBoolean();

        void offer(Waiting waiting) {
            queue.add(waiting);
            if (led.compareAndSet(false, true)) {
                try {
                    leaders.execute(this::lead);
                } catch (RejectedExecutionException shuttingDown) {
                    lead(); // the executor takes no more work: the caller leads, so that no change is left waiting
                }
            }
        }

        /** Commits groups while changes wait, then lets the next caller start a leader. */
        private void lead() {
            List<Waiting> carried = new ArrayList<>();
            while (true) {
                List<Waiting> next = new ArrayList<>(carried);
                for (Waiting w = next.size() < maxGroup ? queue.poll() : null; w != null;
                     w = next.size() < maxGroup ? queue.poll() : null) {
                    next.add(w);
                }
                if (next.isEmpty()) {
                    led.set(false);
                    // a change queued after the last poll but before the flag was down found a leader: lead again
                    if (queue.isEmpty() || !led.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                carried = commit(next);
            }
        }
    }

    /** Commits one group and answers its callers; what must wait for the next group. */
    private List<Waiting> commit(List<Waiting> waiting) {
        List<LedgerGroup.Decision> decisions;
        List<ChangeLedgerCommand> commands = waiting.stream().map(Waiting::command).toList();
        try {
            decisions = group.commit(commands, false);
        } catch (RuntimeException | Error refused) {
            try { // a key seen before, or a lost race: once more, reading the keys and the memberships afresh
                decisions = group.commit(commands, true);
            } catch (RuntimeException | Error again) {
                decisions = waiting.stream().map(w -> (LedgerGroup.Decision) new LedgerGroup.Decision.Alone()).toList();
            }
        }
        List<Waiting> later = new ArrayList<>();
        List<Waiting> byThemselves = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            LedgerGroup.Decision decision = decisions.get(i);
            if (decision instanceof LedgerGroup.Decision.Answered answered) {
                waiting.get(i).answer.complete(answered.answer());
            } else if (decision instanceof LedgerGroup.Decision.Later) {
                later.add(waiting.get(i));
            } else {
                byThemselves.add(waiting.get(i));
            }
        }
        byThemselves.forEach(this::runAlone);
        return later;
    }

    private void runAlone(Waiting waiting) {
        try {
            waiting.answer.complete(alone.apply(waiting.command()));
        } catch (RuntimeException | Error failed) {
            waiting.answer.completeExceptionally(failed);
        }
    }
}
