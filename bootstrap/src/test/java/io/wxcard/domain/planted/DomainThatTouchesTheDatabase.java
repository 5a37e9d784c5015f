package io.wxcard.domain.planted;

import java.sql.Connection;
import java.sql.SQLException;

/** A planted violation: domain code that talks SQL. The architecture rules must refuse it. */
public final class DomainThatTouchesTheDatabase {
    public boolean stillOpen(Connection connection) throws SQLException {
        return !connection.isClosed();
    }
}
