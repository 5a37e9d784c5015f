package io.wxcard.adapter.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Binds values to plain JDBC statements as the Jdbi statements bind them (instants through {@link UtcInstants}). */
final class Jdbc {

    private Jdbc() {}

    static void setString(PreparedStatement statement, int position, String value) throws SQLException {
        if (value == null) {
            statement.setNull(position, Types.VARCHAR);
        } else {
            statement.setString(position, value);
        }
    }

    static void setInstant(PreparedStatement statement, int position, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(position, Types.TIMESTAMP);
        } else {
            statement.setObject(position, UtcInstants.toColumn(value));
        }
    }
}
