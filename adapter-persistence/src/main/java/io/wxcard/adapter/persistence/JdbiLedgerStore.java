package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@link LedgerStore} on the {@code ledger_entries} table. Entries are only inserted: the primary key (membership,
 * sequence) and the unique (membership, idempotency key) refuse a second entry, which the store reports as a
 * {@link ConcurrentUpdateException} without spoiling the caller's transaction ({@link Sql#insertUnlessPresent}).
 */
final class JdbiLedgerStore implements LedgerStore {

    private static final String SELECT = "SELECT " + LedgerEntryRow.COLUMNS + " FROM ledger_entries WHERE "
            + "tenant_id = :tenantId AND card_id = :cardId AND code = :code";
    private static final String INSERT = "INSERT INTO ledger_entries (" + LedgerEntryRow.COLUMNS + ") VALUES ("
            + LedgerEntryRow.PARAMETERS + ")";

    private final Sql sql;
    private final LedgerEntryRowMapper mapper = new LedgerEntryRowMapperImpl();

    JdbiLedgerStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Option<LedgerEntry> findByKey(MembershipKey membership, IdempotencyKey key) {
        return sql.withHandle(() -> "reading a ledger entry of " + membership, handle -> Option.ofOptional(
                bindMembership(handle.createQuery(SELECT + " AND idempotency_key = :key"), membership)
                        .bind("key", key.value())
                        .mapTo(LedgerEntryRow.class)
                        .findOne())
                .map(mapper::toEntry));
    }

    @Override
    public void append(MembershipKey membership, LedgerEntry entry) {
        if (!appendIfAbsent(membership, entry)) {
            throw new ConcurrentUpdateException("appending entry " + entry.sequence() + " to the ledger of "
                    + membership + ": it is already stored (a duplicate key)");
        }
    }

    @Override
    public boolean appendIfAbsent(MembershipKey membership, LedgerEntry entry) {
        LedgerEntryRow row = mapper.toRow(membership, entry);
        Supplier<String> what = () -> "appending entry " + entry.sequence() + " to the ledger of " + membership;
        return sql.withHandle(what, handle -> sql.insertUnlessPresent(handle, INSERT, what, row::bindTo));
    }

    @Override
    public Option<LedgerEntry> entry(MembershipKey membership, long sequence) {
        return sql.withHandle(() -> "reading entry " + sequence + " of the ledger of " + membership,
                handle -> Option.ofOptional(bindMembership(handle.createQuery(SELECT + " AND sequence_no = :sequence"),
                        membership)
                        .bind("sequence", sequence)
                        .mapTo(LedgerEntryRow.class)
                        .findOne())
                .map(mapper::toEntry));
    }

    @Override
    public List<LedgerEntry> entries(MembershipKey membership, Collection<Long> sequences) {
        if (sequences.isEmpty()) {
            return List.of();
        }
        return sql.withHandle(() -> "reading " + sequences.size() + " entries of the ledger of " + membership,
                handle -> bindMembership(handle.createQuery(SELECT + " AND sequence_no IN (<sequences>) "
                        + "ORDER BY sequence_no"), membership)
                        .bindList("sequences", List.copyOf(sequences))
                        .mapTo(LedgerEntryRow.class)
                        .map(mapper::toEntry)
                        .list());
    }

    @Override
    public Page<LedgerEntry> history(MembershipKey membership, PageRequest page) {
        return sql.withHandle(() -> "reading the ledger of " + membership, handle -> Paging.page(handle,
                LedgerEntryRow.COLUMNS, "FROM ledger_entries WHERE tenant_id = :tenantId AND card_id = :cardId "
                        + "AND code = :code", "ORDER BY sequence_no",
                query -> bindMembership(query, membership), LedgerEntryRow.class, mapper::toEntry, page));
    }

    /**
     * One read for all the (code, key) pairs, each pair one look-up on the unique (membership, key) index, so the read
     * costs the pairs asked whatever the size of the ledgers. On H2 and MariaDB a join on a {@code VALUES} list of the
     * pairs (a CTE, whose column names every database takes, unlike a derived table's on MariaDB) does that: both join
     * it with nested look-ups. PostgreSQL may instead hash the list and read every entry of the card (it cannot tell
     * how many entries the list matches: 20,500 read for 500 pairs after 20,000 lines, and more with every chunk), so
     * there each pair is a {@code LATERAL} sub-query of at most one row, which it can only run as a look-up per pair.
     */
    @Override
    public List<MembershipEntry> findByKeys(TenantId tenantId, CardId cardId, Map<Code, Set<IdempotencyKey>> keys) {
        List<Wanted> pairs = new ArrayList<>();
        keys.forEach((code, ofCode) -> ofCode.forEach(key -> pairs.add(new Wanted(code.value(), key.value()))));
        if (pairs.isEmpty()) {
            return List.of();
        }
        String query = sql.vendor() == Vendor.POSTGRESQL
                ? "SELECT " + LedgerEntryRow.COLUMNS + " FROM (VALUES <pairs>) AS wanted (wanted_code, wanted_key) "
                        + "CROSS JOIN LATERAL (SELECT " + LedgerEntryRow.COLUMNS + " FROM ledger_entries WHERE "
                        + "tenant_id = :tenantId AND card_id = :cardId AND code = wanted.wanted_code "
                        + "AND idempotency_key = wanted.wanted_key LIMIT 1) AS entry"
                : "WITH wanted (wanted_code, wanted_key) AS (VALUES <pairs>) SELECT " + LedgerEntryRow.COLUMNS
                        + " FROM ledger_entries JOIN wanted ON code = wanted_code AND idempotency_key = wanted_key "
                        + "WHERE tenant_id = :tenantId AND card_id = :cardId";
        return sql.withHandle(() -> "reading " + pairs.size() + " ledger entries by key", handle -> handle
                .createQuery(query)
                .bindMethodsList("pairs", pairs, List.of("code", "key"))
                .bind("tenantId", tenantId.value())
                .bind("cardId", cardId.value())
                .mapTo(LedgerEntryRow.class).list()).stream()
                .map(row -> new MembershipEntry(new MembershipKey(tenantId, cardId, new Code(row.code())),
                        mapper.toEntry(row)))
                .toList();
    }

    /** A (code, key) pair of {@link #findByKeys}, bound by its methods' names. */
    public record Wanted(String code, String key) {}

    /** One {@link PreparedBatch}; a taken sequence or key fails it whole, as a lost race. */
    @Override
    public void appendAll(List<MembershipEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        sql.withHandle(() -> "appending " + entries.size() + " ledger entries", handle -> {
            PreparedBatch insert = handle.prepareBatch(INSERT);
            entries.forEach(e -> mapper.toRow(e.membership(), e.entry()).bindTo(insert).add());
            return insert.execute();
        });
    }

    private static <S extends SqlStatement<S>> S bindMembership(S statement, MembershipKey membership) {
        return statement.bind("tenantId", membership.tenantId().value())
                .bind("cardId", membership.cardId().value())
                .bind("code", membership.code().value());
    }
}
