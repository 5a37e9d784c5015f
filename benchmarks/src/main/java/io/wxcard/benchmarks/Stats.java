package io.wxcard.benchmarks;

import java.util.List;

/** Medians: every figure in BENCHMARKS.md is a median or a ratio. */
public final class Stats {

    private Stats() {}

    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
