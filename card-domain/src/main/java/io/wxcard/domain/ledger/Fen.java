package io.wxcard.domain.ledger;

/**
 * Money in fen (1/100 yuan), WeChat's unit for {@code balance}. Never a floating-point number. Negative only as the
 * delta of a change.
 */
public record Fen(long value) implements Comparable<Fen> {
    public static final Fen ZERO = new Fen(0);

    public static Fen of(long value) {
        return new Fen(value);
    }

    public Fen plus(long delta) {
        return new Fen(Math.addExact(value, delta));
    }

    public boolean isNegative() {
        return value < 0;
    }

    @Override
    public int compareTo(Fen other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        long yuan = Math.abs(value) / 100;
        long fen = Math.abs(value) % 100;
        return (value < 0 ? "-" : "") + yuan + "." + (fen < 10 ? "0" : "") + fen + " yuan";
    }
}
