package io.wxcard.domain.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When WeChat's figures of a day can be pulled: WeChat's datacube asks for yesterday's data after 08:00 (China time)
 * each day (FIDELITY.md, "The daily statistics pull"). So from 08:00 on, yesterday is due; before it, the day before
 * yesterday still is (it became due at 08:00 yesterday and stays due until pulled).
 */
public final class DailyPull {

    /** How long after a China day ends WeChat's figures of it are ready: at 08:00 the next morning. */
    public static final Duration READY_AFTER_DAY_END = Duration.ofHours(8);

    private DailyPull() {}

    /** The latest day whose figures are ready at {@code now}. */
    public static LocalDate dueDay(Instant now) {
        return StatisticsRange.dayOf(now.minus(READY_AFTER_DAY_END)).minusDays(1);
    }

    /** The range a daily pull asks WeChat for: the one due day. */
    public static StatisticsRange dueRange(Instant now) {
        LocalDate day = dueDay(now);
        return new StatisticsRange(day, day);
    }
}
