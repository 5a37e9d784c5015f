package io.wxcard.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.domain.shared.RejectionCode;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StatisticsRangeTest {

    /** 2026-12-02 23:30 in Beijing. */
    private static final Instant NOW = Instant.parse("2026-12-02T15:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void takes_up_to_62_days_ending_today_in_china() {
        assertThat(StatisticsRange.of(TODAY.minusDays(61), TODAY, NOW).get().days()).hasSize(62);
    }

    @Test
    void refuses_63_days_a_reversed_range_and_tomorrow_naming_to() {
        for (var refused : new LocalDate[][] {{TODAY.minusDays(62), TODAY}, {TODAY, TODAY.minusDays(1)},
                {TODAY, TODAY.plusDays(1)}}) {
            var rejection = StatisticsRange.of(refused[0], refused[1], NOW).getLeft();
            assertThat(rejection.code()).isEqualTo(RejectionCode.STATISTICS_RANGE_INVALID);
            assertThat(rejection.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("to"));
        }
    }

    @Test
    void a_day_is_a_beijing_day() {
        StatisticsRange today = new StatisticsRange(TODAY, TODAY);
        assertThat(today.contains(Instant.parse("2026-12-01T16:00:00Z"))).isTrue();
        assertThat(today.contains(Instant.parse("2026-12-01T15:59:59Z"))).isFalse();
        assertThat(today.contains(Instant.parse("2026-12-02T16:00:00Z"))).isFalse();
    }
}
