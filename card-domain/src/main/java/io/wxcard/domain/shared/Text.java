package io.wxcard.domain.shared;

import java.util.Objects;

/** Small checks shared by the value objects: WeChat counts characters, not bytes, so lengths are in code points. */
public final class Text {
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

    /** Whether {@link #requireIdentifier} takes the value. */
    public static boolean isIdentifier(String value, int maxLength) {
        return value != null && !value.isEmpty() && length(value) <= maxLength && isIdentifier(value);
    }

    /**
     * An identifier WeChat or we hand out: 1 to {@code maxLength} letters, digits, '_' or '-', so that it is safe in
     * a URL path, a log line and a database key alike.
     */
    public static String requireIdentifier(String value, String name, int maxLength) {
        requireText(value, name, maxLength);
        if (!isIdentifier(value)) {
            throw new IllegalArgumentException(name + " may hold only letters, digits, '_' and '-'");
        }
        return value;
    }

    /**
     * {@code [A-Za-z0-9_-]+}, checked character by character: ids are made for every row read and every request, and
     * a regular expression's matcher cost more than the row's mapping in profiles of the write path.
     */
    private static boolean isIdentifier(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return !value.isEmpty();
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
