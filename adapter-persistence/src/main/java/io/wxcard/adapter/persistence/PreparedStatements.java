package io.wxcard.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plain JDBC statements of {@link Database#jdbc}, prepared once per physical connection and used again by every
 * transaction that borrows it: preparing and closing a statement for each use cost the store as much client CPU as
 * running it (the driver's objects, its query cache, the pool's statement tracking).
 *
 * <p>The statements are prepared on the driver's connection, under the pool's proxy, so the pool neither tracks nor
 * closes them, nor sees their errors. It still learns of a broken connection: every transaction ends with a commit or
 * rollback through the proxy, which fails on such a connection (SQLState {@code 08003}), and the pool then closes it
 * instead of handing it out again. A connection is used by one thread at a time (the pool hands it over with a happens-before), so its
 * statements need no locking. They go when their connection is closed: each time a new connection shows up, those
 * of closed connections are dropped. A statement is never closed by its users; its result sets are.
 */
final class PreparedStatements {

    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    /** The statements of a physical connection (the driver's, not the pool's proxy). */
    Map<String, PreparedStatement> of(Connection physical) {
        Map<String, PreparedStatement> statements = byConnection.get(physical);
        if (statements == null) {
            byConnection.keySet().removeIf(PreparedStatements::isClosed);
            statements = new HashMap<>();
            byConnection.put(physical, statements);
        }
        return statements;
    }

    /** A statement of the connection for the SQL, prepared now if it has none (or its own was closed). */
    static PreparedStatement prepared(Map<String, PreparedStatement> statements, Connection physical, String sql)
            throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException unknown) {
            return true;
        }
    }
}
