package io.wxcard.domain.statistics;

import io.vavr.control.Either;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Days of card statistics, both ends included, as WeChat's {@code datacube} card calls take them: dates in China's
 * time zone, at most {@value #MAX_DAYS} days in one call (WeChat answers 61501 "date range error" beyond), none in the
 * future. Our own figures are counted over the same days, so that the two can be laid side by side.
 */
public record StatisticsRange(LocalDate from, LocalDate to) {

    /** WeChat: "查询时间区间需{@code <=}62天" for getcardbizuininfo / getcardmembercardinfo / getcardmembercarddetail. */
    public static final int MAX_DAYS = 62;
    /** WeChat's dates are Beijing dates. */
    public static final ZoneId WECHAT_ZONE = ZoneId.of("Asia/Shanghai");

    public StatisticsRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** The range, or a rejection naming what WeChat would refuse; {@code now} says which day is today. */
    public static Either<Rejection, StatisticsRange> of(LocalDate from, LocalDate to, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, WECHAT_ZONE);
        Problem problem = null;
        if (to.isBefore(from)) {
            problem = new Problem("to", "must not be before from (" + from + ")");
        } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            problem = new Problem("to", "the range holds " + (ChronoUnit.DAYS.between(from, to) + 1)
                    + " days; WeChat's card statistics take at most " + MAX_DAYS + " in one request");
        } else if (to.isAfter(today)) {
            problem = new Problem("to", "must not be after today (" + today + ", China time): WeChat has no "
                    + "statistics of days to come");
        }
        return problem == null ? Either.right(new StatisticsRange(from, to))
                : Either.left(Rejection.invalid(RejectionCode.STATISTICS_RANGE_INVALID,
                        "WeChat's card statistics refuse this date range", List.of(problem)));
    }

    public Instant start() {
        return from.atStartOfDay(WECHAT_ZONE).toInstant();
    }

    /** The first instant after the range. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(WECHAT_ZONE).toInstant();
    }

    public Stream<LocalDate> days() {
        return from.datesUntil(to.plusDays(1));
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }

    public static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, WECHAT_ZONE);
    }
}
