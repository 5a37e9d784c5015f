package io.wxcard.benchmarks.service;

import io.wxcard.benchmarks.Stats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole phases of load against each side of a comparison, in alternating order (A B B A, then again), and the table
 * of their medians and ratios: the {@link WrkPaths} figures. A side is the service, the earlier build
 * ({@code --before-jar}) or the reference (pgbench, the bare server); each phase is one run of wrk (or pgbench) of the
 * same length, and a ratio is the median over rounds of the two sides' rates in that round.
 */
final class WrkRounds {

    /** One measured phase of one side; latencies in microseconds, CPU in seconds. */
    record Phase(double perSecond, double p50, double p99, long sent, long ok, long failed, long retried,
                 double driverCpu, double serverCpu, double postgresCpu) {
        double perRequest(double cpu) {
            return cpu * 1e6 / Math.max(1, ok);
        }
    }

    /** Runs one phase of a side. */
    interface Runner {
        Phase run(int seconds) throws Exception;
    }

    /** A side: its short name, what its row says, whether it gets a warm-up phase, how a phase runs. */
    record Side(String name, String what, boolean warmUp, Runner runner) {}

    /** Above this share of failed requests (non-2xx, socket errors) a phase gives no figure: the run stops. */
    static final double MAX_FAILED = 0.001;

    private WrkRounds() {}

    /** Warm-up phases (not counted), then {@code rounds} rounds, the order reversed every other round. */
    static Map<String, List<Phase>> alternate(String path, List<Side> sides, int rounds, int seconds, int warmup)
            throws Exception {
        Map<String, List<Phase>> phases = new LinkedHashMap<>();
        for (Side side : sides) {
            phases.put(side.name(), new ArrayList<>());
            if (side.warmUp() && warmup > 0) {
                Phase warm = checked(path, side, side.runner().run(warmup));
                System.out.printf("%s warm-up %-8s %7.0f/s, %d failed%n", path, side.name() + ":", warm.perSecond(),
                        warm.failed());
            }
        }
        List<Side> reversed = new ArrayList<>(sides);
        Collections.reverse(reversed);
        for (int round = 1; round <= rounds; round++) {
            for (Side side : round % 2 == 1 ? sides : reversed) {
                Phase phase = checked(path, side, side.runner().run(seconds));
                phases.get(side.name()).add(phase);
                System.out.printf("%s round %d %-8s %7.0f/s, p50 %7.2f ms, p99 %7.2f ms, %d ok, %d failed, %d retried; "
                                + "CPU per request: driver %4.0f us, server %5.0f us, PostgreSQL %5.0f us%n", path, round,
                        side.name() + ":", phase.perSecond(), phase.p50() / 1e3, phase.p99() / 1e3, phase.ok(),
                        phase.failed(), phase.retried(), phase.perRequest(phase.driverCpu()),
                        phase.perRequest(phase.serverCpu()), phase.perRequest(phase.postgresCpu()));
            }
        }
        return phases;
    }

    private static Phase checked(String path, Side side, Phase phase) {
        if ((double) phase.failed() / Math.max(1, phase.ok() + phase.failed()) > MAX_FAILED) {
            throw new IllegalStateException(path + " " + side.name() + ": " + phase.failed() + " of "
                    + (phase.ok() + phase.failed()) + " requests failed (over " + MAX_FAILED * 100
                    + " %), so this run gives no figure");
        }
        return phase;
    }

    /** The median over rounds of {@code a}'s rate over {@code b}'s. */
    static double ratio(List<Phase> a, List<Phase> b) {
        return Stats.median(ratios(a, b));
    }

    static List<Double> ratios(List<Phase> a, List<Phase> b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            ratios.add(a.get(i).perSecond() / b.get(i).perSecond());
        }
        return ratios;
    }

    /** The markdown table of one path: a row per side, its ratio to {@code reference}; answers the service's ratio. */
    static double report(String title, List<Side> sides, Map<String, List<Phase>> phases, String reference) {
        System.out.println();
        System.out.println(title);
        System.out.println("| what | requests/s (median of phases) | ratio to " + reference + " (median of rounds; rounds) "
                + "| p50 | p99 | failed | retried (409) | CPU per request: driver | server process | PostgreSQL |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<Phase> ref = phases.get(reference);
        for (Side side : sides) {
            List<Phase> mine = phases.get(side.name());
            String ratio = side.name().equals(reference) ? "1" : String.format(side.name().equals("service")
                    ? "**%.3f** %s" : "%.3f %s", ratio(mine, ref), ratios(mine, ref).stream()
                    .map(r -> String.format("%.3f", r)).toList());
            System.out.printf("| %s | %.0f | %s | %.2f ms | %.2f ms | %d | %d | %.0f us | %s | %.0f us |%n", side.what(),
                    median(mine, Phase::perSecond), ratio, median(mine, Phase::p50) / 1e3,
                    median(mine, Phase::p99) / 1e3, mine.stream().mapToLong(Phase::failed).sum(),
                    mine.stream().mapToLong(Phase::retried).sum(), median(mine, p -> p.perRequest(p.driverCpu())),
                    median(mine, Phase::serverCpu) == 0 ? "-" : String.format("%.0f us",
                            median(mine, p -> p.perRequest(p.serverCpu()))),
                    median(mine, p -> p.perRequest(p.postgresCpu())));
        }
        if (phases.containsKey("before")) {
            System.out.printf("service / before (median of rounds): **%.3f** %s%n",
                    ratio(phases.get("service"), phases.get("before")), ratios(phases.get("service"),
                            phases.get("before")).stream().map(r -> String.format("%.3f", r)).toList());
        }
        return ratio(phases.get("service"), ref);
    }

    private static double median(List<Phase> phases, java.util.function.ToDoubleFunction<Phase> figure) {
        return Stats.median(phases.stream().map(figure::applyAsDouble).toList());
    }
}
