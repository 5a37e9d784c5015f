package io.wxcard.domain.operator;

import io.wxcard.domain.shared.Text;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name an operator signs in with, unique within a tenant: 2 to 32 lower-case letters, digits, '.', '_' or '-'
 * (stored lower-cased, so "Alice" and "alice" are one account).
 */
public record OperatorName(String value) {
    public static final int MAX_LENGTH = 32;
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._-]{2," + MAX_LENGTH + "}");

    public OperatorName {
        Text.requireText(value, "operator name", MAX_LENGTH);
        value = value.trim().toLowerCase(Locale.ROOT);
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("an operator name has 2 to " + MAX_LENGTH
                    + " letters, digits, '.', '_' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
