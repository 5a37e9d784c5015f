package io.wxcard.domain.ledger;

/** A number of points (WeChat's {@code bonus}); negative only as the delta of a change. */
public record Points(long value) implements Comparable<Points> {
    public static final Points ZERO = new Points(0);

    public static Points of(long value) {
        return new Points(value);
    }

    public Points plus(long delta) {
        return new Points(Math.addExact(value, delta));
    }

    public boolean isNegative() {
        return value < 0;
    }

    @Override
    public int compareTo(Points other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " points";
    }
}
