package io.wxcard.benchmarks.service;

import io.wxcard.benchmarks.Args;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the three fault drills share: the world ({@link ServiceWorld}, 200 members by default), a tracked
 * {@link PointsLoad} of 16 clients, sending the unanswered changes again after the fault (with their own keys: a client
 * that got no answer must retry, and the service must not apply the change twice), waiting for the outbox, the
 * verdict ({@link Reconcile}) and a timeline of what the clients saw, second by second.
 */
final class Drill {

    static final String USAGE_OPTIONS = """
              --clients 16             concurrent HTTP clients                           default 16
              --rate N                 new changes per second at most, all clients       default: as fast as they can
              --drain-minutes 10       how long to wait for the outbox to drain          default 10
            """ + WorldOptions.USAGE;
    static final List<String> OPTION_NAMES = List.of("clients", "rate", "drain-minutes");

    private Drill() {}

    static Args parse(String[] argv, String usage, String... own) {
        List<String> names = new ArrayList<>(List.of(own));
        names.addAll(OPTION_NAMES);
        names.addAll(List.of(WorldOptions.NAMES));
        return Args.parse(argv, usage, names.toArray(String[]::new));
    }

    /** The tracked load, paced by --rate (or {@code defaultRate}; 0: unpaced). */
    static PointsLoad load(ServiceWorld world, Args args, int defaultRate) {
        int rate = args.integer("rate", defaultRate);
        System.out.printf("load: %d clients, %s%n", args.integer("clients", 16), rate <= 0 ? "as fast as they can"
                : "paced to " + rate + " changes/s in all");
        return new PointsLoad(world, args.integer("clients", 16), true).withRate(rate);
    }

    static WorldOptions options(Args args) {
        return WorldOptions.defaults().withMemberships(200).with(args);
    }

    /**
     * Sends every unanswered change again with its key until it is answered 201 (at most 10 tries, 1 s apart); answers
     * {resolved, still unanswered}.
     */
    static long[] resendUnanswered(PointsLoad load) {
        long resolved = 0;
        long left = 0;
        PointsLoad.Sent change;
        List<PointsLoad.Sent> all = new ArrayList<>();
        while ((change = load.unanswered().poll()) != null) {
            all.add(change);
        }
        for (PointsLoad.Sent sent : all) {
            int status = 0;
            for (int attempt = 0; attempt < 10 && status != 201; attempt++) {
                if (attempt > 0) {
                    Proc.sleep(1000);
                }
                status = load.send(sent, null);
            }
            if (status == 201) {
                resolved++;
            } else {
                left++;
            }
        }
        return new long[] {resolved, left};
    }

    /** The clients' view, one line per second from {@code from} to {@code to}: 201s and failures. */
    static void timeline(PointsLoad load, int from, int to, java.util.function.IntFunction<String> mark) {
        System.out.println("second: 201s / failed" );
        StringBuilder line = new StringBuilder();
        for (int s = from; s <= to; s++) {
            long[] at = load.at(s);
            String note = mark.apply(s);
            line.append(String.format("%4d: %4d / %-4d%s", s, at[0], at[1], note.isEmpty() ? "" : " " + note));
            if ((s - from) % 6 == 5 || !note.isEmpty()) {
                System.out.println(line);
                line.setLength(0);
            } else {
                line.append(" | ");
            }
        }
        if (line.length() > 0) {
            System.out.println(line);
        }
    }

    /** Waits for the outbox, checks, prints the verdict; answers what was lost or doubled. */
    static long verdict(ServiceWorld world, PointsLoad load, Args args) throws Exception {
        long[] resent = resendUnanswered(load);
        System.out.printf("unanswered changes sent again with their keys: %d now answered 201, %d still unanswered%n",
                resent[0], resent[1]);
        double drained = world.tables().awaitOutboxDrained(Duration.ofMinutes(args.integer("drain-minutes", 10)));
        System.out.println(drained < 0 ? "the outbox did NOT drain within " + args.integer("drain-minutes", 10) + " min"
                : String.format("outbox drained %.1f s after the load stopped", drained));
        Reconcile.Verdict verdict = Reconcile.check(world, load.acknowledged().values());
        System.out.println("check: " + verdict.describe());
        if (!load.someFailures().isEmpty()) {
            System.out.println("some failures the clients saw: " + load.someFailures());
        }
        long lost = verdict.lost() + resent[1] + (drained < 0 ? verdict.outboxWaiting() : 0);
        System.out.println("LOST: " + lost + (lost == 0 ? " (goal met: nothing lost, nothing applied twice)" : " (goal NOT met)"));
        return lost;
    }
}
