package io.wxcard.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DailyPullTest {

    @Test
    void yesterday_is_due_from_eight_in_the_morning_in_beijing() {
        // 2026-12-03 08:00 in Beijing is 00:00 UTC
        assertThat(DailyPull.dueDay(Instant.parse("2026-12-03T00:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(DailyPull.dueDay(Instant.parse("2026-12-03T15:59:59Z"))).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void before_eight_the_day_before_yesterday_is_still_the_latest_due() {
        assertThat(DailyPull.dueDay(Instant.parse("2026-12-02T23:59:59Z"))).isEqualTo(LocalDate.of(2026, 12, 1));
        // just after midnight in Beijing (16:00 UTC): the new yesterday is not ready yet
        assertThat(DailyPull.dueDay(Instant.parse("2026-12-03T16:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(DailyPull.dueRange(Instant.parse("2026-12-03T16:00:00Z")).days()).hasSize(1);
    }
}
