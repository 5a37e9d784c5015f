package io.wxcard.adapter.persistence;

import java.util.Objects;

/**
 * Where the database is and how many connections to keep.
 *
 * @param jdbcUrl     {@code jdbc:h2:...}, {@code jdbc:postgresql:...}, {@code jdbc:mariadb:...} or
 *                    {@code jdbc:mysql:...}; the database is told by its prefix
 * @param user        the user, or {@code null} when the URL names it
 * @param password    the password, or {@code null} when the URL holds it (or none is needed)
 * @param maxPoolSize the most connections open at once (at least 1)
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("the JDBC URL is empty; give jdbc:h2:..., jdbc:postgresql:..., "
                    + "jdbc:mariadb:... or jdbc:mysql:...");
        }
        Vendor.of(jdbcUrl); // refuses an unsupported database now rather than at start
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, got " + maxPoolSize);
        }
    }

    /** Hides the password, and a password written into the URL. */
    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + redactedUrl() + ", user=" + user + ", password="
                + (password == null || password.isEmpty() ? "(none)" : "(redacted)")
                + ", maxPoolSize=" + maxPoolSize + "]";
    }

    /** The URL with any {@code password=...} parameter hidden, fit for a log line. */
    String redactedUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1(redacted)");
    }
}
