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
 * unique: its member, ModifyBonus, timestamp and nonce) into a file before each service phase, enough for
 * {@code --push-rate} pushes a second; {@code pushes.lua} gives each wrk thread every n-th line and never sends one
 * twice (a thread that runs out fails the phase). The bare route gets a small file it cycles through (it keeps
 * nothing). The check: every push answered {@code success} has left exactly one ledger entry of source WECHAT, so the
 * entries added lie between the pushes answered and the pushes sent (the difference: pushes in flight when wrk
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
        long entriesBefore = wechatEntries(world);
        long beforeEntries = before == null ? 0 : wechatEntries(before);
        Tally tally = new Tally();
        Tally beforeTally = new Tally();
        List<WrkRounds.Side> sides = new ArrayList<>(List.of(pushes("service", "service: safe-mode " + EVENT
                + " handled (200 success)", world, world.serviceUrl(), world.service(), wrk, folder, pushRate, tally)));
        if (before != null) {
            sides.add(pushes("before", "before (--before-jar): the same", before, before.serviceUrl(),
                    before.service(), wrk, folder, pushRate, beforeTally));
        }
        Path bareFile = folder.resolve("bare-pushes.txt");
        PushPath.Pushes bareMaker = new PushPath.Pushes(world, EVENT);
        WrkPaths.writeLines(bareFile, 4000, i -> line(bareMaker.next(true)));
        Path bareScript = Wrk.script(folder, "pushes", Map.of("PUSHES", bareFile.toString(), "PATH", ROUTE,
                "THREADS", wrk.threads(), "CYCLE", true));
        sides.add(new WrkRounds.Side("bare", "bare Javalin handler on the same route (reads the body, answers "
                + "success)", true, length -> WrkPaths.measure(wrk, bareUrl, bareScript, length, bare,
                world.options().database())));
        var phases = WrkRounds.alternate("push", sides, rounds, seconds, warmup);
        long lost = check("push", world, tally, wechatEntries(world) - entriesBefore, wrk, phases.get("service"));
        if (before != null) {
            lost += check("push (before)", before, beforeTally, wechatEntries(before) - beforeEntries, wrk,
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
        return new WrkRounds.Side(name, what, true, seconds -> {
            Path file = folder.resolve(name + "-pushes-" + phase.incrementAndGet() + ".txt");
            int count = pushRate * (seconds + 1);
            long start = System.nanoTime();
            WrkPaths.writeLines(file, count, i -> line(maker.next(true)));
            System.out.printf("  %s: %d pushes made in %.1f s%n", name, count, (System.nanoTime() - start) / 1e9);
            Path script = Wrk.script(folder, "pushes", Map.of("PUSHES", file.toString(), "PATH", ROUTE,
                    "THREADS", wrk.threads(), "CYCLE", false));
            WrkRounds.Phase measured;
            try {
                measured = WrkPaths.measure(wrk, url, script, seconds, server, world.options().database());
            } finally {
                Files.deleteIfExists(file);
            }
            tally.ok += measured.ok();
            tally.sent += measured.sent();
            return measured;
        });
    }

    /** {@code <query string>\t<body>}: one line of a pushes file (neither holds a tab or a line break). */
    private static String line(String[] push) {
        return push[0] + "\t" + push[1];
    }

    private static long check(String what, ServiceWorld world, Tally tally, long entries, Wrk wrk,
                              List<WrkRounds.Phase> phases) throws Exception {
        long lost = Math.max(0, tally.ok - entries);
        long doubled = Math.max(0, entries - tally.sent);
        long inconsistent = world.query("SELECT count(*) FROM memberships m WHERE m.points <> COALESCE((SELECT "
                + "sum(e.delta) FROM ledger_entries e WHERE e.code = m.code AND e.asset = 'POINTS'), 0)",
                row -> row.getLong(1)).get(0);
        System.out.printf("check %s: pushes answered success %d (warm-up included), sent %d; WECHAT ledger entries "
                        + "added %d (%d in flight when wrk stopped, at most %d connections x %d phases); lost (answered, "
                        + "no entry) %d, doubled (more entries than pushes sent) %d; memberships whose points != sum "
                        + "of entries: %d%n", what, tally.ok, tally.sent, entries, entries - tally.ok,
                wrk.connections(), phases.size() + 1, lost, doubled, inconsistent);
        return lost + doubled + inconsistent;
    }

    private static long wechatEntries(ServiceWorld world) throws Exception {
        return world.query("SELECT count(*) FROM ledger_entries WHERE entry_source = 'WECHAT'", r -> r.getLong(1)).get(0);
    }
}
