package io.wxcard.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * How the outbox and the inbox hand out their rows. A claim locks the due rows it picks with {@code SELECT ... FOR
 * UPDATE SKIP LOCKED} (PostgreSQL, MariaDB 10.6+, MySQL 8 and H2 2.x all have it) and writes its lease on them in the
 * same transaction. A concurrent claim skips the rows this one holds instead of waiting for them, and once this one
 * commits those rows carry a live lease, which every claim's condition ({@link #UNCLAIMED}) excludes. So no two
 * holders ever get the same row. Settling a row is each store's own, conditional on the claim
 * ({@code claimed_by = :holder}).
 */
final class LeaseClaims {

    /** Not held by a live lease (a lease that ran out may be taken over). */
    static final String UNCLAIMED = "(claimed_by IS NULL OR lease_until <= :now)";

    private LeaseClaims() {}

    /**
     * Locks the rows {@code lockDue} selects (with {@code FOR UPDATE SKIP LOCKED}) and leases them to {@code holder}
     * until {@code leaseUntil}, in one transaction.
     *
     * @param table the table of the rows, which have the columns {@code id}, {@code claimed_by}, {@code lease_until}
     * @return the rows locked, as {@code lockDue} answered them
     */
    static <R> List<R> claim(Sql sql, String table, String what, String holder, Instant leaseUntil,
                             HandleCallback<List<R>, RuntimeException> lockDue, Function<R, String> idOf) {
        return sql.inTransaction(() -> what, handle -> {
            List<R> locked = lockDue.withHandle(handle);
            if (!locked.isEmpty()) {
                // One statement text whatever the number of rows, sent as one batch (one round trip): an IN list
                // would be a statement of its own for every count, each parsed again by Jdbi and by the database.
                PreparedBatch lease = handle.prepareBatch("UPDATE " + table + " SET claimed_by = :holder, "
                        + "lease_until = :leaseUntil WHERE id = :id");
                locked.forEach(row -> lease.bind("holder", holder).bind("leaseUntil", leaseUntil)
                        .bind("id", idOf.apply(row)).add());
                lease.execute();
            }
            return locked;
        });
    }
}
