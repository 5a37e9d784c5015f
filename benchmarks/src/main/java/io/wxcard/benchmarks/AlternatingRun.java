package io.wxcard.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Runs two or more workloads side by side in one JVM, on a shared and noisy machine: in short slices, one workload at a
 * time, alternating which goes first, each slice with the same number of calling threads. Whatever else the machine
 * does drifts much more slowly than a slice, so the pairs of slices see the same conditions; the figures are the
 * median slice and the median of the pairs' ratios. Latencies (from the start of a call to its answer, in
 * microseconds) go into one HdrHistogram per workload. A call that throws is counted as failed, not as done; when
 * more than {@value #MAX_FAILED_PER_MILLE} per mille of a workload's calls fail, the run stops: a benchmark that fails
 * must not produce a figure. (A kept-alive connection the server closed a moment before reuse does fail now and
 * then, once in tens of thousands of calls; the adapter retries it, a bare client does not.)
 */
public final class AlternatingRun {

    /** Something to call over and over; {@link #caller} gives each calling thread its own state. */
    public interface Workload {
        String name();

        Call caller(int thread);
    }

    /** One call. */
    public interface Call {
        void call() throws Exception;
    }

    static final int MAX_FAILED_PER_MILLE = 1;

    /** What one workload did in the measured slices. */
    public record Figures(String name, List<Double> callsPerSecond, Histogram latencyMicros, long failed) {
        public double median() {
            return Stats.median(callsPerSecond);
        }
    }

    private AlternatingRun() {}

    /**
     * @param warmupSlices slices of each workload run first and not counted (the JIT, pools, caches)
     * @param slices       measured slices of each workload
     */
    public static Map<String, Figures> run(List<? extends Workload> workloads, int threads, int warmupSlices, int slices,
                                           Duration slice) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bench-caller");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<List<Call>> callers = new ArrayList<>();
            List<Histogram[]> histograms = new ArrayList<>();
            List<List<Double>> rates = new ArrayList<>();
            long[] failed = new long[workloads.size()];
            long[] done = new long[workloads.size()];
            for (Workload workload : workloads) {
                List<Call> perThread = new ArrayList<>();
                Histogram[] perThreadLatency = new Histogram[threads];
                for (int t = 0; t < threads; t++) {
                    perThread.add(workload.caller(t));
                    perThreadLatency[t] = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
                }
                callers.add(perThread);
                histograms.add(perThreadLatency);
                rates.add(new ArrayList<>());
            }
            for (int s = 0; s < warmupSlices + slices; s++) {
                boolean measured = s >= warmupSlices;
                for (int i = 0; i < workloads.size(); i++) {
                    int w = s % 2 == 0 ? i : workloads.size() - 1 - i;
                    long[] counts = slice(pool, callers.get(w), measured ? histograms.get(w) : null, slice);
                    if (measured) {
                        rates.get(w).add(counts[0] / (counts[2] / 1e9));
                    }
                    done[w] += counts[0];
                    failed[w] += counts[1];
                    if (failed[w] * 1000 > MAX_FAILED_PER_MILLE * (done[w] + failed[w]) && failed[w] > 3) {
                        throw new IllegalStateException(workloads.get(w).name() + ": " + failed[w] + " of "
                                + (done[w] + failed[w]) + " calls failed, so this run gives no figure");
                    }
                }
            }
            Map<String, Figures> figures = new LinkedHashMap<>();
            for (int w = 0; w < workloads.size(); w++) {
                Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
                for (Histogram h : histograms.get(w)) {
                    all.add(h);
                }
                figures.put(workloads.get(w).name(), new Figures(workloads.get(w).name(), rates.get(w), all,
                        failed[w]));
            }
            return figures;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The median over the slice pairs of {@code a / b}. */
    public static double medianRatio(Figures a, Figures b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(a.callsPerSecond().size(), b.callsPerSecond().size()); i++) {
            ratios.add(a.callsPerSecond().get(i) / b.callsPerSecond().get(i));
        }
        return Stats.median(ratios);
    }

    /** One slice of one workload: {calls done, calls failed, nanoseconds taken}. */
    private static long[] slice(ExecutorService pool, List<Call> callers, Histogram[] latency, Duration length)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        List<Future<long[]>> running = new ArrayList<>();
        for (int t = 0; t < callers.size(); t++) {
            Call call = callers.get(t);
            Histogram histogram = latency == null ? null : latency[t];
            running.add(pool.submit(() -> {
                long calls = 0;
                long failures = 0;
                long before = System.nanoTime();
                while (before < deadline) {
                    try {
                        call.call();
                    } catch (Exception failure) {
                        failures++;
                        before = System.nanoTime();
                        continue;
                    }
                    long after = System.nanoTime();
                    if (histogram != null) {
                        histogram.recordValue(Math.min((after - before) / 1000, histogram.getHighestTrackableValue()));
                    }
                    calls++;
                    before = after;
                }
                return new long[] {calls, failures};
            }));
        }
        long calls = 0;
        long failures = 0;
        for (Future<long[]> future : running) {
            try {
                long[] counts = future.get();
                calls += counts[0];
                failures += counts[1];
            } catch (ExecutionException failed) {
                throw new IllegalStateException("a caller died, so this run gives no figure: " + failed.getCause(),
                        failed.getCause());
            }
        }
        return new long[] {calls, failures, System.nanoTime() - start};
    }
}
