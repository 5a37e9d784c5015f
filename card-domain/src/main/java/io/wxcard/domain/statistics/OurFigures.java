package io.wxcard.domain.statistics;

import io.vavr.control.Option;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.store.Store;
import io.wxcard.domain.store.StoreVisit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A card's figures over a {@link StatisticsRange}, counted from our own records: memberships received and activated,
 * ledger movements, store visits. Per day (to lay beside WeChat's), per channel (the receipt's {@code outer_str}) and
 * per store (the channels that are stores).
 */
public record OurFigures(Totals totals, List<Day> days, Map<String, Channel> channels) {

    /** A membership as the figures read it. */
    public record Received(String code, Option<String> outerStr, Instant receivedAt, Option<Instant> activatedAt) {}

    /**
     * One ledger entry as the figures read it: points or stored value moved, up or down, and by whom (points that
     * expired are counted apart from points redeemed).
     */
    public record Movement(String code, Asset asset, long delta, Instant at, EntrySource source) {}

    public record Totals(long newMembers, long activatedMembers, long activeMembers, long pointsIssued,
                         long pointsRedeemed, long balanceIn, long balanceOut, long storeVisits,
                         long pointsExpired) {}

    public record Day(LocalDate day, long newMembers, long activatedMembers, long activeMembers, long pointsIssued,
                      long pointsRedeemed, long balanceIn, long balanceOut, long pointsExpired) {}

    /** @param store the store the channel is, when it is one of ours */
    public record Channel(Option<String> store, long newMembers, long activatedMembers, long storeVisits) {}

    /** What receipts without an {@code outer_str} are counted under. */
    public static final String NO_CHANNEL = "(none)";

    public static OurFigures count(StatisticsRange range, List<Received> memberships, List<Movement> movements,
                                   List<StoreVisit> visits) {
        Map<LocalDate, long[]> perDay = new TreeMap<>();
        range.days().forEach(day -> perDay.put(day, new long[8]));
        Map<LocalDate, Set<String>> activePerDay = new TreeMap<>();
        Map<String, long[]> perChannel = new TreeMap<>();
        Set<String> active = new HashSet<>();
        long[] sums = new long[8];
        for (Received membership : memberships) {
            String channel = membership.outerStr().filter(s -> !s.isBlank()).getOrElse(NO_CHANNEL);
            if (range.contains(membership.receivedAt())) {
                add(perDay, membership.receivedAt(), 0, 1, sums);
                perChannel.computeIfAbsent(channel, c -> new long[3])[0]++;
            }
            for (Instant activated : membership.activatedAt().filter(range::contains)) {
                add(perDay, activated, 1, 1, sums);
                perChannel.computeIfAbsent(channel, c -> new long[3])[1]++;
            }
        }
        for (Movement movement : movements) {
            if (!range.contains(movement.at())) {
                continue;
            }
            if (movement.source() != EntrySource.EXPIRY) { // points expiring is time passing, not the member acting
                active.add(movement.code());
                activePerDay.computeIfAbsent(StatisticsRange.dayOf(movement.at()), d -> new HashSet<>())
                        .add(movement.code());
            }
            add(perDay, movement.at(), slot(movement), Math.abs(movement.delta()), sums);
        }
        long storeVisits = 0;
        for (StoreVisit visit : visits) {
            if (range.contains(visit.at())) {
                storeVisits++;
                perChannel.computeIfAbsent(Store.OUTER_STR_PREFIX + visit.storeId().value(), c -> new long[3])[2]++;
            }
        }
        List<Day> days = perDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1],
                activePerDay.getOrDefault(e.getKey(), Set.of()).size(), e.getValue()[3], e.getValue()[4],
                e.getValue()[5], e.getValue()[6], e.getValue()[7])).toList();
        Map<String, Channel> channels = new TreeMap<>();
        perChannel.forEach((name, counts) -> channels.put(name, new Channel(Store.named(name).map(id -> id.value()),
                counts[0], counts[1], counts[2])));
        return new OurFigures(new Totals(sums[0], sums[1], active.size(), sums[3], sums[4], sums[5], sums[6],
                storeVisits, sums[7]), days, channels);
    }

    /** The counter a movement adds to: points issued, redeemed or expired (an expiry is no redemption), value in or out. */
    private static int slot(Movement movement) {
        if (movement.asset() != Asset.POINTS) {
            return movement.delta() >= 0 ? 5 : 6;
        }
        if (movement.delta() >= 0) {
            return 3;
        }
        return movement.source() == EntrySource.EXPIRY ? 7 : 4;
    }

    private static void add(Map<LocalDate, long[]> perDay, Instant at, int slot, long amount, long[] sums) {
        long[] day = perDay.get(StatisticsRange.dayOf(at));
        if (day != null) {
            day[slot] += amount;
            sums[slot] += amount;
        }
    }
}
