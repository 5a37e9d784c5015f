package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The stable_token force_refresh limits over days and minutes, with a clock the test moves (no waiting). */
class TokensTest {
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-02T01:00:00Z"); // 09:00 in Shanghai

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            MovableClock self = this;
            return new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(java.time.ZoneId other) {
                    return self.withZone(other);
                }

                @Override
                public Instant instant() {
                    return self.now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void twenty_forced_refreshes_a_day_at_least_30_s_apart_then_45009_until_the_next_day_in_shanghai() {
        MovableClock clock = new MovableClock();
        Tokens tokens = new Tokens(clock, Duration.ofHours(2), Duration.ofMinutes(5), 2000, true);
        String previous = tokens.fetchStable("wx1", false).value();
        for (int i = 0; i < Tokens.FORCED_REFRESHES_PER_DAY; i++) {
            String forced = tokens.fetchStable("wx1", true).value();
            assertThat(forced).isNotEqualTo(previous);
            clock.now = clock.now.plusSeconds(10);
            assertThat(tokens.fetchStable("wx1", true).value()).as("10 s later: not refreshed").isEqualTo(forced);
            clock.now = clock.now.plusSeconds(21);
            previous = forced;
        }
        assertThatThrownBy(() -> tokens.fetchStable("wx1", true))
                .isInstanceOfSatisfying(WxException.class, e -> assertThat(e.errcode).isEqualTo(45009));
        assertThat(tokens.fetchStable("wx1", false).value()).isEqualTo(previous); // normal mode still answers
        assertThat(tokens.fetchStable("wx2", true).value()).isNotEqualTo(previous); // per account

        clock.now = Instant.parse("2026-03-02T16:00:01Z"); // 00:00:01 next day in Shanghai
        assertThat(tokens.fetchStable("wx1", true).value()).isNotEqualTo(previous);
    }
}
