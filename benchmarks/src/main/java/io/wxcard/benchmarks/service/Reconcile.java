package io.wxcard.benchmarks.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What was lost or doubled, member by member, between what clients were told, the ledger, and WeChat (the sandbox):
 * <ul>
 *   <li><b>acknowledged but missing</b>: a change answered 201 whose idempotency key is not in the ledger (or with
 *   another delta);</li>
 *   <li><b>ledger inconsistent</b>: a membership whose points differ from the sum of its entries;</li>
 *   <li><b>WeChat differs</b>: a member whose points on the sandbox differ from the ledger's (after the outbox
 *   drained);</li>
 *   <li><b>applied twice</b>: a change in the sandbox's history of the member (every updateuser that moved a total)
 *   whose resulting total is not a total the ledger ever had for that member. The dispatcher sends absolute totals, so
 *   a task sent twice, late or out of order lands on a total the ledger had; an effect applied twice (an increment
 *   repeated) lands on one it never had.</li>
 * </ul>
 */
public final class Reconcile {

    /** The verdict; {@link #lost()} is the sum of the four counts. */
    public record Verdict(long acknowledged, long acknowledgedMissing, long memberships, long ledgerInconsistent,
                          long wechatDiffers, long wechatChanges, long appliedTwice, long outboxWaiting,
                          long outboxDead, List<String> examples) {
        public long lost() {
            return acknowledgedMissing + ledgerInconsistent + wechatDiffers + appliedTwice;
        }

        public String describe() {
            return String.format("acknowledged changes: %d, of which missing from the ledger: %d; memberships: %d, "
                            + "ledger total != sum of entries: %d, WeChat's points != ledger's: %d; WeChat's history: %d "
                            + "changes, applied twice (a total the ledger never had): %d; outbox left: %d waiting, %d "
                            + "dead; LOST OR DOUBLED: %d%s", acknowledged, acknowledgedMissing, memberships,
                    ledgerInconsistent, wechatDiffers, wechatChanges, appliedTwice, outboxWaiting, outboxDead, lost(),
                    examples.isEmpty() ? "" : "\n  e.g. " + String.join("\n  e.g. ", examples));
        }
    }

    private Reconcile() {}

    private record Entry(String code, String key, long delta, long pointsAfter) {}

    public static Verdict check(ServiceWorld world, Collection<PointsLoad.Sent> acknowledged) throws SQLException {
        List<String> examples = new ArrayList<>();
        List<Entry> entries = world.tables().query("SELECT code, idempotency_key, delta, points_after FROM ledger_entries "
                + "WHERE asset = 'POINTS'", row -> new Entry(row.getString(1), row.getString(2), row.getLong(3),
                row.getLong(4)));
        Map<String, Entry> byKey = new HashMap<>();
        Map<String, Set<Long>> totalsHad = new HashMap<>();
        Map<String, Long> sums = new HashMap<>();
        for (Entry entry : entries) {
            byKey.put(entry.code() + "|" + entry.key(), entry);
            totalsHad.computeIfAbsent(entry.code(), c -> new HashSet<>(Set.of(0L))).add(entry.pointsAfter());
            sums.merge(entry.code(), entry.delta(), Long::sum);
        }
        long missing = 0;
        for (PointsLoad.Sent sent : acknowledged) {
            Entry entry = byKey.get(sent.code() + "|" + sent.key());
            if (entry == null || entry.delta() != sent.delta()) {
                missing++;
                example(examples, "acknowledged " + sent + " but the ledger has " + entry);
            }
        }
        Map<String, Long> points = new HashMap<>();
        for (Object[] row : world.tables().query("SELECT code, points FROM memberships", r -> new Object[] {r.getString(1),
                r.getLong(2)})) {
            points.put((String) row[0], (Long) row[1]);
        }
        long inconsistent = 0;
        long differs = 0;
        long changes = 0;
        long twice = 0;
        for (Map.Entry<String, Long> member : points.entrySet()) {
            String code = member.getKey();
            long ledger = member.getValue();
            if (ledger != sums.getOrDefault(code, 0L)) {
                inconsistent++;
                example(examples, "membership " + code + ": points " + ledger + ", entries sum to " + sums.get(code));
            }
            JsonNode onWechat = world.sandbox().get("/sandbox/cards/" + world.wechatCardId() + "/codes/" + code)
                    .expect(200, "member " + code + " on the sandbox");
            if (onWechat.path("bonus").asLong() != ledger) {
                differs++;
                example(examples, "member " + code + ": WeChat " + onWechat.path("bonus").asLong() + ", ledger " + ledger);
            }
            Set<Long> had = totalsHad.getOrDefault(code, Set.of(0L));
            for (JsonNode change : onWechat.path("changes")) {
                if (!change.path("source").asText().equals("updateuser")) {
                    continue;
                }
                changes++;
                if (!had.contains(change.path("result_bonus").asLong())) {
                    twice++;
                    example(examples, "member " + code + ": WeChat reached " + change.path("result_bonus").asLong()
                            + " points, a total the ledger never had (" + change + ")");
                }
            }
        }
        long[] outbox = world.tables().outbox();
        return new Verdict(acknowledged.size(), missing, points.size(), inconsistent, differs, changes, twice,
                outbox[0], outbox[1], examples);
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 5) {
            examples.add(text);
        }
    }
}
