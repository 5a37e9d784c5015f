package io.wxcard.benchmarks.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The push path of {@link WrkPaths}: safe-mode {@code update_member_card} pushes, which Lua cannot encrypt and sign
 * cheaply, so Java makes them ({@link PushPath.Pushes}, one generator per world for the whole run, so every push is
 * unique: its member, ModifyBonus, timestamp and nonce) into one file per wrk thread before each service phase, so
 * {@code pushes.lua} never sends one twice: enough for {@code --push-rate} pushes a second in the first phase, then for
 * three times the side's best rate so far (at most {@code --push-rate}), since wrk's CPU for reading them counts as the
 * driver's; a thread that runs out fails the phase. The bare route gets small files it cycles through (it keeps
 * nothing). The check: every push answered {@code success} has been applied exactly once (see
 * {@link PushPath#awaitPushesApplied}), so the pushes applied lie between the pushes answered and the pushes sent (the difference: pushes in flight when wrk
 * stopped, answered after it stopped listening), and every membership's points equal the sum of its entries.
 */
final class WrkPushes {

    private static final String EVENT = "update_member_card";
    private static final String ROUTE = "/wechat/" + ServiceWorld.TENANT + "/events";

    /** What a world's push phases (warm-up included) were answered and sent. */
    private static final class Tally {
        long ok;
        long sent;
    }

    private WrkPushes() {}

    /** Runs the push sides in alternating phases, prints the table and the checks; answers the pushes lost or doubled. */
    static long run(ServiceWorld world, ServiceWorld before, Proc bare, String bareUrl, Wrk wrk, Path folder,
                    int seconds, int rounds, int warmup, int pushRate) throws Exception {
        long entriesBefore = PushPath.pushesApplied(world);
        long beforeEntries = before == null ? 0 : PushPath.pushesApplied(before);
        Tally tally = new Tally();
        Tally beforeTally = new Tally();
        List<WrkRounds.Side> sides = new ArrayList<>(List.of(pushes("service", "service: safe-mode " + EVENT
                + " handled (200 success)", world, world.serviceUrl(), world.service(), wrk, folder, pushRate, tally)));
        if (before != null) {
            sides.add(pushes("before", "before (--before-jar): the same", before, before.serviceUrl(),
                    before.service(), wrk, folder, pushRate, beforeTally));
        }
        String bareFiles = files(folder, "bare-pushes-", wrk, 4000, new PushPath.Pushes(world, EVENT));
        Path bareScript = Wrk.script(folder, "pushes", Map.of("PUSHES", bareFiles, "PATH", ROUTE, "CYCLE", true));
        sides.add(new WrkRounds.Side("bare", "bare Javalin handler on the same route (reads the body, answers "
                + "success)", true, length -> WrkPaths.measure(wrk, bareUrl, bareScript, length, bare,
                world.options().database())));
        var phases = WrkRounds.alternate("push", sides, rounds, seconds, warmup);
        long lost = check("push", world, tally, PushPath.awaitPushesApplied(world) - entriesBefore, wrk,
                phases.get("service"));
        if (before != null) {
            lost += check("push (before)", before, beforeTally, PushPath.awaitPushesApplied(before) - beforeEntries, wrk,
                    phases.get("before"));
        }
        WrkPaths.goal(WrkRounds.report("push path, " + wrk.connections() + " connections: safe-mode pushes answered "
                + "success per second", sides, phases, "bare"), 0.3, "pushes", "a no-work route");
        return lost;
    }

    /** A side of unique pushes to one world's route; a new file of pushes for every phase. */
    private static WrkRounds.Side pushes(String name, String what, ServiceWorld world, String url, Proc server,
                                         Wrk wrk, Path folder, int pushRate, Tally tally) {
        PushPath.Pushes maker = new PushPath.Pushes(world, EVENT);
        AtomicInteger phase = new AtomicInteger();
        double[] best = {0};
        return new WrkRounds.Side(name, what, true, seconds -> {
            int rate = best[0] == 0 ? pushRate : (int) Math.min(pushRate, Math.max(200, 3 * best[0]));
            long start = System.nanoTime();
            String files = files(folder, name + "-pushes-" + phase.incrementAndGet() + "-", wrk, rate * (seconds + 1),
                    maker);
            System.out.printf("  %s: %d pushes made in %.1f s%n", name, rate * (seconds + 1),
                    (System.nanoTime() - start) / 1e9);
            Path script = Wrk.script(folder, "pushes", Map.of("PUSHES", files, "PATH", ROUTE, "CYCLE", false));
            WrkRounds.Phase measured;
            try {
                measured = WrkPaths.measure(wrk, url, script, seconds, server, world.options().database());
            } finally {
                for (int t = 0; t < wrk.threads(); t++) {
                    Files.deleteIfExists(Path.of(files + t + ".txt"));
                }
            }
            best[0] = Math.max(best[0], measured.perSecond());
            tally.ok += measured.ok();
            tally.sent += measured.sent();
            return measured;
        });
    }

    /** {@code count} new pushes shared out into one file per wrk thread, {@code <prefix><thread>.txt}; answers the prefix. */
    private static String files(Path folder, String name, Wrk wrk, int count, PushPath.Pushes maker) throws Exception {
        String prefix = folder.resolve(name).toString();
        for (int t = 0; t < wrk.threads(); t++) {
            WrkPaths.writeLines(Path.of(prefix + t + ".txt"), count / wrk.threads(), i -> line(maker.next(true)));
        }
        return prefix;
    }

    /** {@code <query string>\t<body>}: one line of a pushes file (neither holds a tab or a line break). */
    private static String line(String[] push) {
        return push[0] + "\t" + push[1];
    }

    private static long check(String what, ServiceWorld world, Tally tally, long entries, Wrk wrk,
                              List<WrkRounds.Phase> phases) throws Exception {
        long lost = Math.max(0, tally.ok - entries);
        long doubled = Math.max(0, entries - tally.sent);
        long inconsistent = world.tables().query("SELECT count(*) FROM memberships m WHERE m.points <> COALESCE((SELECT "
                + "sum(e.delta) FROM ledger_entries e WHERE e.code = m.code AND e.asset = 'POINTS'), 0)",
                row -> row.getLong(1)).get(0);
        System.out.printf("check %s: pushes answered success %d (warm-up included), sent %d; pushes applied "
                        + "%d (%d in flight when wrk stopped, at most %d connections x %d phases); lost (answered, "
                        + "not applied) %d, doubled (more applied than sent) %d; memberships whose points != sum "
                        + "of entries: %d%n", what, tally.ok, tally.sent, entries, entries - tally.ok,
                wrk.connections(), phases.size() + 1, lost, doubled, inconsistent);
        return lost + doubled + inconsistent;
    }
}
