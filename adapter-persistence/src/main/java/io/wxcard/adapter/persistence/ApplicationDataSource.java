package io.wxcard.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the stores check of a data source an embedding application owns: which database it is, its isolation. */
final class ApplicationDataSource {

    private static final Logger LOG = LoggerFactory.getLogger(Persistence.class);

    private ApplicationDataSource() {}

    static String jdbcUrlOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException unreachable) {
            throw new IllegalStateException("cannot connect to the application's data source: " + unreachable.getMessage(),
                    unreachable);
        }
    }

    static void checkIsolation(DataSource dataSource, Vendor vendor) {
        int isolation;
        try (Connection connection = dataSource.getConnection()) {
            isolation = connection.getTransactionIsolation();
        } catch (SQLException unreachable) {
            throw new IllegalStateException("cannot connect to the application's data source: " + unreachable.getMessage(),
                    unreachable);
        }
        if (isolation < Connection.TRANSACTION_READ_COMMITTED) {
            throw new IllegalStateException("the application's data source gives transaction isolation " + isolation
                    + " (below READ COMMITTED): the stores need at least READ COMMITTED; set it on the pool");
        }
        if (isolation > Connection.TRANSACTION_READ_COMMITTED) {
            LOG.warn("the application's data source on {} gives an isolation level above READ COMMITTED; the stores "
                    + "are correct under it but lock more (set TRANSACTION_READ_COMMITTED on the pool)", vendor);
        }
    }
}
