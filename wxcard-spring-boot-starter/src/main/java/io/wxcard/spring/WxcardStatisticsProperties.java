package io.wxcard.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wxcard.statistics.*}: the daily pull of WeChat's card statistics (issue 17), the starter's counterpart of the
 * packaged service's {@code CARD_STATISTICS_PULL_MINUTES}. Every {@code pull-period} a round claims each tenant's due
 * day (one row per tenant and day, so one instance pulls it); {@code 0} leaves the pull to another instance or the CLI.
 */
@ConfigurationProperties("wxcard.statistics")
public class WxcardStatisticsProperties {

    /** Time between two rounds of the daily statistics pull; 0 turns the pull off on this instance. */
    private Duration pullPeriod = Duration.ofMinutes(15);

    public Duration getPullPeriod() {
        return pullPeriod;
    }

    public void setPullPeriod(Duration pullPeriod) {
        if (pullPeriod == null || pullPeriod.isNegative()) {
            throw new IllegalArgumentException("wxcard.statistics.pull-period must be 0 (off) or a positive duration, "
                    + "was " + pullPeriod);
        }
        this.pullPeriod = pullPeriod;
    }
}
