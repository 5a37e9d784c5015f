package io.wxcard.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;

/**
 * Instants go into the database as UTC date-times without a zone, to the microsecond, and come back the same. Neither
 * the JVM's nor the session's time zone takes part, so instances in different zones (and a change of daylight saving
 * time) read what was written. Jdbi's default would bind a {@link java.sql.Timestamp}, which passes through the JVM's
 * zone.
 */
final class UtcInstants {

    private UtcInstants() {}

    static void register(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                LocalDateTime utc = toColumn(value);
                return (position, statement, context) -> statement.setObject(position, utc);
            }
        });
        jdbi.registerColumnMapper(Instant.class, (ColumnMapper<Instant>) (rs, column, context) -> {
            LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
            return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
        });
    }

    /** The instant a column holds ({@code null} for none), for the row mappers that read columns by name. */
    static Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    /** What is stored for an instant: its UTC date-time, cut to the microsecond (all three databases keep that). */
    static LocalDateTime toColumn(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
