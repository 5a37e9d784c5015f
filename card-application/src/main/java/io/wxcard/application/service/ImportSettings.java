package io.wxcard.application.service;

import java.time.Duration;

/**
 * How imports are sent.
 *
 * @param ratePerSecond rows sent to WeChat per second, per tenant (WeChat enforces its own limit; stay under it)
 * @param concurrency   calls in flight at once
 * @param lease         how long a job stays with the instance working on it without news from it
 */
public record ImportSettings(double ratePerSecond, int concurrency, int batchSize, Duration lease, int maxAttempts) {

    public ImportSettings {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("the import rate must be positive");
        }
        if (concurrency < 1 || batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("concurrency, batch size and attempts must be at least 1");
        }
    }

    public static ImportSettings defaults() {
        return new ImportSettings(50, 8, 200, Duration.ofSeconds(30), 8);
    }

    public ImportSettings withRatePerSecond(double rate) {
        return new ImportSettings(rate, concurrency, batchSize, lease, maxAttempts);
    }

    public ImportSettings withConcurrency(int threads) {
        return new ImportSettings(ratePerSecond, threads, batchSize, lease, maxAttempts);
    }
}
