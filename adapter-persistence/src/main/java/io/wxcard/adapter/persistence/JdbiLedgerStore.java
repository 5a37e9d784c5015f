package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.membership.MembershipKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@link LedgerStore} on the {@code ledger_entries} table. Entries are only inserted: the primary key (membership,
 * sequence) and the unique (membership, idempotency key) refuse a second entry, which the store reports as a
 * {@link ConcurrentUpdateException}.
 *
 * <p>The lookup by key and the append are on every points change's path and run as plain JDBC statements (see
 * {@link Database#jdbc}). On PostgreSQL the append is {@code INSERT ... ON CONFLICT DO NOTHING}, whose row count
 * tells a refused entry without an error (so without a savepoint around it); H2 and MariaDB refuse with a duplicate-key
 * error, which undoes only the failed statement there.
 */
final class JdbiLedgerStore implements LedgerStore {

    private static final String OF_MEMBERSHIP = "tenant_id = :tenantId AND card_id = :cardId AND code = :code";
    private static final String FIND_BY_KEY = "SELECT " + LedgerEntryRow.COLUMNS + " FROM ledger_entries "
            + "WHERE tenant_id = ? AND card_id = ? AND code = ? AND idempotency_key = ?";

    private final Database db;
    private final LedgerEntryRowMapper mapper = new LedgerEntryRowMapperImpl();
    private final String insert;

    JdbiLedgerStore(Database db) {
        this.db = db;
        String into = "INSERT INTO ledger_entries (" + LedgerEntryRow.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?)";
        this.insert = db.vendor() == Vendor.POSTGRESQL ? into + " ON CONFLICT DO NOTHING" : into;
    }

    @Override
    public Option<LedgerEntry> findByKey(MembershipKey membership, IdempotencyKey key) {
        return db.jdbc(() -> "reading a ledger entry of " + membership, statements -> {
            PreparedStatement select = statements.prepared(FIND_BY_KEY);
            select.setString(1, membership.tenantId().value());
            select.setString(2, membership.cardId().value());
            select.setString(3, membership.code().value());
            select.setString(4, key.value());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Option.some(mapper.toEntry(LedgerEntryRow.readRow(rs)))
                        : Option.<LedgerEntry>none();
            }
        });
    }

    @Override
    public void append(MembershipKey membership, LedgerEntry entry) {
        LedgerEntryRow row = mapper.toRow(membership, entry);
        int inserted = db.jdbc(() -> "appending entry " + entry.sequence() + " to the ledger of " + membership,
                statements -> {
                    PreparedStatement append = statements.prepared(insert);
                    append.setString(1, row.tenantId());
                    append.setString(2, row.cardId());
                    append.setString(3, row.code());
                    append.setLong(4, row.sequenceNo());
                    Jdbc.setString(append, 5, row.asset());
                    append.setLong(6, row.delta());
                    append.setLong(7, row.pointsAfter());
                    append.setLong(8, row.balanceAfter());
                    Jdbc.setString(append, 9, row.reason());
                    Jdbc.setString(append, 10, row.idempotencyKey());
                    Jdbc.setString(append, 11, row.entrySource());
                    append.setBoolean(12, row.notifyMember());
                    Jdbc.setInstant(append, 13, row.recordedAt());
                    return append.executeUpdate();
                });
        if (inserted == 0) {
            throw new ConcurrentUpdateException("appending entry " + entry.sequence() + " to the ledger of "
                    + membership + ": it is already stored (a duplicate key)");
        }
    }

    @Override
    public Option<LedgerEntry> entry(MembershipKey membership, long sequence) {
        return db.call(() -> "reading entry " + sequence + " of the ledger of " + membership, handle -> Option.ofOptional(
                bindMembership(handle.createQuery("SELECT " + LedgerEntryRow.COLUMNS + " FROM ledger_entries WHERE "
                        + OF_MEMBERSHIP + " AND sequence_no = :sequence"), membership)
                        .bind("sequence", sequence)
                        .map(LedgerEntryRow::read)
                        .findOne()
                        .map(mapper::toEntry)));
    }

    @Override
    public Page<LedgerEntry> history(MembershipKey membership, PageRequest page) {
        return db.call(() -> "reading the ledger of " + membership, handle -> Paging.page(handle,
                LedgerEntryRow.COLUMNS, "FROM ledger_entries WHERE " + OF_MEMBERSHIP, "ORDER BY sequence_no",
                query -> bindMembership(query, membership), LedgerEntryRow::read, mapper::toEntry, page));
    }

    private static <S extends SqlStatement<S>> S bindMembership(S statement, MembershipKey membership) {
        return statement.bind("tenantId", membership.tenantId().value())
                .bind("cardId", membership.cardId().value())
                .bind("code", membership.code().value());
    }
}
