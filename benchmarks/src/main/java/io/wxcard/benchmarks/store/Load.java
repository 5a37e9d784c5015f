package io.wxcard.benchmarks.store;

import io.wxcard.domain.membership.MembershipKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Concurrent clients making points changes for a while: each picks a membership at random and adds 1 to 10 points
 * under a new idempotency key, as fast as it can; latency per change into HdrHistogram. A change that fails (other than
 * by losing every retry to concurrent changes) stops the run: a benchmark that fails must not produce a figure.
 */
abstract class Load {

    /** What the clients did in one phase. */
    record Phase(double changesPerSecond, long changes, long conflicts, Histogram latencyMicros) {}

    private final List<MembershipKey> memberships;
    private final int clients;
    private final AtomicLong succeeded;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();

    /** @param succeeded counts every change that landed, across loads, for the final check of the data */
    Load(List<MembershipKey> memberships, int clients, AtomicLong succeeded) {
        this.memberships = memberships;
        this.clients = clients;
        this.succeeded = succeeded;
    }

    /**
     * One change, in one transaction.
     *
     * @return true when it landed, false when it lost every retry to concurrent changes of the same membership
     */
    abstract boolean change(int client, MembershipKey membership, long points, String idempotencyKey) throws Exception;

    final Phase run(Duration length) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long deadline = start + length.toNanos();
            List<Future<long[]>> running = new ArrayList<>();
            List<Histogram> latencies = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
                latencies.add(latency);
                int client = c;
                running.add(pool.submit(() -> client(client, deadline, latency)));
            }
            long changes = 0;
            long conflicts = 0;
            for (Future<long[]> client : running) {
                try {
                    long[] counts = client.get();
                    changes += counts[0];
                    conflicts += counts[1];
                } catch (ExecutionException failed) {
                    throw new IllegalStateException("a change failed, so this run gives no figure: "
                            + failed.getCause(), failed.getCause());
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
            latencies.forEach(all::add);
            return new Phase(changes / elapsed, changes, conflicts, all);
        } finally {
            pool.shutdownNow();
        }
    }

    private long[] client(int client, long deadline, Histogram latency) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long changes = 0;
        long conflicts = 0;
        while (System.nanoTime() < deadline) {
            MembershipKey membership = memberships.get(random.nextInt(memberships.size()));
            long before = System.nanoTime();
            boolean landed = change(client, membership, 1 + random.nextInt(10),
                    "bench-" + run + "-" + sequence.incrementAndGet());
            long after = System.nanoTime();
            if (landed) {
                latency.recordValue(Math.min((after - before) / 1000, latency.getHighestTrackableValue()));
                changes++;
                succeeded.incrementAndGet();
            } else {
                conflicts++;
            }
        }
        return new long[] {changes, conflicts};
    }
}
