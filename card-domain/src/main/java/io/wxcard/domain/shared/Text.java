package io.wxcard.domain.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/** Small checks shared by the value objects: WeChat counts characters, not bytes, so lengths are in code points. */
public final class Text {
    /** Compiled once: ids are made on every request, and String.matches would compile the pattern each time. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_-]+");

    private Text() {}

    public static String requireText(String value, String name, int maxLength) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (length(value) > maxLength) {
            throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters, got " + length(value));
        }
        return value;
    }

    /**
     * An identifier WeChat or we hand out: 1 to {@code maxLength} letters, digits, '_' or '-', so that it is safe in
     * a URL path, a log line and a database key alike.
     */
    public static String requireIdentifier(String value, String name, int maxLength) {
        requireText(value, name, maxLength);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " may hold only letters, digits, '_' and '-'");
        }
        return value;
    }

    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
