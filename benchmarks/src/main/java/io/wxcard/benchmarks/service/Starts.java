package io.wxcard.benchmarks.service;

import io.wxcard.benchmarks.Args;
import io.wxcard.benchmarks.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link Startup} and {@link EmbeddedStartup} measure of one start: the process spawned until its health URL
 * answers 200 (polled every 10 ms), the start-up time it logs itself, and VmRSS after some idle seconds.
 */
final class Starts {

    private Starts() {}

    /** One start: seconds to healthy, the seconds the process logged (NaN if none), VmRSS in KiB (-1 if not read). */
    record Start(double readySeconds, double loggedSeconds, long rssKib) {}

    /** The {@code --jvm} options, split at spaces. */
    static List<String> jvm(Args args) {
        String jvm = args.text("jvm", "");
        return jvm.isBlank() ? List.of() : List.of(jvm.trim().split("\\s+"));
    }

    /**
     * Starts a process ({@code jvm} options, then {@code arguments}), waits until {@code health} answers 200, reads
     * the first {@code logged} figure of its output (null: none), and with {@code idle} of 0 or more, VmRSS after
     * that many idle seconds; then stops it.
     */
    static Start measure(String name, List<String> jvm, List<String> arguments, Map<String, String> environment,
                         String health, Duration timeout, Pattern logged, int idle) {
        try (Proc process = Proc.start(name, jvm, arguments, environment)) {
            long ready = process.awaitOk(health, timeout, 10);
            double readySeconds = (ready - process.startedNanos()) / 1e9;
            double loggedSeconds = Double.NaN;
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (logged != null && Double.isNaN(loggedSeconds) && System.nanoTime() < deadline) {
                Matcher matcher = logged.matcher(process.output());
                if (matcher.find()) {
                    loggedSeconds = Double.parseDouble(matcher.group(1));
                } else {
                    Proc.sleep(20);
                }
            }
            long rss = -1;
            if (idle >= 0) {
                Proc.sleep(idle * 1000L);
                rss = process.rssKib();
            }
            process.stop(Duration.ofSeconds(30));
            return new Start(readySeconds, loggedSeconds, rss);
        }
    }

    /** {@code jvm} then {@code -jar}: the options of a jar's start. */
    static List<String> jarOptions(List<String> jvm) {
        List<String> options = new ArrayList<>(jvm);
        options.add("-jar");
        return options;
    }

    /** A round's line: "round 1 fresh: ready after 2.10 s (banner 1.9 s), RSS 180 MiB". */
    static void printRound(int round, String kind, Start start, String ready, String logged, String loggedFormat) {
        System.out.printf("round %d %-13s %s after %.2f s (%s %s), RSS %s%n", round, kind + ":", ready,
                start.readySeconds(), logged, Double.isNaN(start.loggedSeconds()) ? "-"
                        : String.format(loggedFormat, start.loggedSeconds()), rss(start.rssKib()));
    }

    /** The Markdown table of the medians, a row per kind of start, described by {@code what}. */
    static void printTable(Map<String, List<Start>> starts, Function<String, String> what, String readyColumn,
                           String loggedColumn, String loggedFormat, int idle) {
        System.out.println();
        System.out.println("| start | " + readyColumn + " | min / max | " + loggedColumn + " (median) | VmRSS after "
                + idle + " s idle (median) |");
        System.out.println("|---|---|---|---|---|");
        for (Map.Entry<String, List<Start>> kind : starts.entrySet()) {
            List<Double> ready = kind.getValue().stream().map(Start::readySeconds).toList();
            List<Double> logged = kind.getValue().stream().map(Start::loggedSeconds).filter(s -> !s.isNaN()).toList();
            List<Double> rss = kind.getValue().stream().filter(s -> s.rssKib() > 0).map(s -> s.rssKib() / 1024.0)
                    .toList();
            System.out.printf("| %s | **%.2f s** | %.2f / %.2f s | %s | %s |%n", what.apply(kind.getKey()),
                    Stats.median(ready), ready.stream().mapToDouble(d -> d).min().orElse(0),
                    ready.stream().mapToDouble(d -> d).max().orElse(0),
                    logged.isEmpty() ? "-" : String.format(loggedFormat, Stats.median(logged)),
                    rss.isEmpty() ? "-" : String.format("%.0f MiB", Stats.median(rss)));
        }
    }

    static double medianReady(List<Start> starts) {
        return Stats.median(starts.stream().map(Start::readySeconds).toList());
    }

    private static String rss(long kib) {
        return kib < 0 ? "-" : String.format("%.0f MiB", kib / 1024.0);
    }

    static void delete(Path work) throws IOException {
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
