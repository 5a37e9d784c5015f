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
    /** Whether {@link #requireIdentifier} takes the value. */
    public static boolean isIdentifier(String value, int maxLength) {
        return value != null && !value.isEmpty() && length(value) <= maxLength && IDENTIFIER.matcher(value).matches();
    }

    public static String requireIdentifier(String value, String name, int maxLength) {
        requireText(value, name, maxLength);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " may hold only letters, digits, '_' and '-'");
        }
        return value;
    }

    /** How far a problem quotes a value it names: enough to recognise it, never a whole upload. */
    public static final int QUOTED_LENGTH = 64;

    /** A value as a problem names it: quoted, and cut at {@link #QUOTED_LENGTH} characters; null as {@code null}. */
    public static String quoted(String raw) {
        if (raw == null) {
            return "null";
        }
        return raw.length() <= QUOTED_LENGTH ? "'" + raw + "'" : "'" + raw.substring(0, QUOTED_LENGTH) + "...'";
    }

    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
