package io.wxcard.adapter.persistence;

import java.util.Locale;
import java.util.Map;

/** The databases the stores run on, told apart by the JDBC URL, and the little that differs between them. */
enum Vendor {
    H2("TIMESTAMP(6)", "CHARACTER LARGE OBJECT", ""),
    POSTGRESQL("TIMESTAMP(6)", "TEXT", ""),
    /** MariaDB 10.6+ and MySQL 8 (both have {@code SKIP LOCKED}); one dialect serves both. */
    MARIADB("DATETIME(6)", "MEDIUMTEXT", "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");

    private final String instantType;
    private final String longTextType;
    private final String tableOptions;

    Vendor(String instantType, String longTextType, String tableOptions) {
        this.instantType = instantType;
        this.longTextType = longTextType;
        this.tableOptions = tableOptions;
    }

    static Vendor of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("unsupported JDBC URL: it must start with jdbc:h2:, jdbc:postgresql:, "
                + "jdbc:mariadb: or jdbc:mysql:");
    }

    /** The type names the migrations take as Flyway placeholders. */
    Map<String, String> placeholders() {
        return Map.of("instant", instantType, "long_text", longTextType, "table_options", tableOptions);
    }

    /**
     * What follows a table's name in {@code FROM} to make a query read it through the given index. Only MariaDB/MySQL
     * get a hint ({@code FORCE INDEX}): their optimizer walks the primary key when it yields the order asked for, even
     * where that means filtering out millions of settled rows to find a hundred pending ones.
     */
    String forceIndex(String index) {
        return this == MARIADB ? " FORCE INDEX (" + index + ")" : "";
    }

    /**
     * The {@code ORDER BY} that reads rows straight from an index whose leading columns ({@code fixed}) the query
     * compares with {@code =}, in the order of the columns after them ({@code ordered}), so that a {@code LIMIT} stops
     * early instead of sorting every match. H2 sorts by an index only when the {@code ORDER BY} names its columns from
     * the first; MariaDB sorts (a filesort of every match) when it names columns that the query compares under the
     * connection's collation rather than the column's, so it gets only the others; PostgreSQL takes either.
     */
    String orderByIndex(String fixed, String ordered) {
        return this == H2 ? "ORDER BY " + fixed + ", " + ordered : "ORDER BY " + ordered;
    }
}
