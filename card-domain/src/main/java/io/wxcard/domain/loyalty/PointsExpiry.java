package io.wxcard.domain.loyalty;

import io.vavr.control.Option;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Points expire {@code days} days after they were earned. Expiry is first in, first out: whatever a member spent (or
 * lost to an earlier expiry) is taken from their oldest points, so what expires is what they earned before the cutoff
 * and have not used. The cutoff moves a whole day at a time (UTC), so that every run of one day asks the same.
 */
public record PointsExpiry(int days) {

    public static final int MAX_DAYS = 3660;

    public PointsExpiry {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("points expire 1 to " + MAX_DAYS + " days after they were earned, got "
                    + days);
        }
    }

    /** Points earned at or before this instant have expired by {@code now}. */
    public Instant cutoff(Instant now) {
        return now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days));
    }

    /**
     * The points that expire now, given the membership's whole ledger in sequence order and its current points: none
     * when nothing is due. Never more than the member holds.
     */
    public Option<Points> due(List<LedgerEntry> entries, Points current, Instant now) {
        Instant cutoff = cutoff(now);
        long earnedBefore = 0;
        long used = 0;
        for (LedgerEntry entry : entries) {
            if (entry.asset() != Asset.POINTS) {
                continue;
            }
            if (entry.delta() > 0 && !entry.recordedAt().isAfter(cutoff)) {
                earnedBefore += entry.delta();
            } else if (entry.delta() < 0) {
                used -= entry.delta();
            }
        }
        long expiring = Math.min(Math.max(0, earnedBefore - used), current.value());
        return expiring > 0 ? Option.of(Points.of(expiring)) : Option.none();
    }
}
