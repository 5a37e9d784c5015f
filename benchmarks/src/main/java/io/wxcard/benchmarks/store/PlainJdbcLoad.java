package io.wxcard.benchmarks.store;

import io.wxcard.domain.membership.MembershipKey;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A diagnostic reference, not the product: the same six statements a points change makes (read the card, read the
 * membership, look up the idempotency key, update the membership under its version, insert the ledger entry, insert
 * the outbox task), on the same schema and rows, over plain JDBC: one connection per client with its prepared
 * statements, no pool, no savepoints, no Jdbi, no JSON parsing or mapping. What the store's Java layers and pool
 * settings cost is the distance between this and the store. Written against the schema the store migrates (V1/V2
 * column names): a migration that renames these columns makes this load fail, never measure something else.
 */
final class PlainJdbcLoad extends Load implements AutoCloseable {

    private static final int ATTEMPTS = 5;

    private final List<Statements> perClient = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    /** One client's connection and statements. */
    private static final class Statements {
        final Connection connection;
        final PreparedStatement card;
        final PreparedStatement membership;
        final PreparedStatement key;
        final PreparedStatement update;
        final PreparedStatement entry;
        final PreparedStatement task;

        Statements(String url) throws SQLException {
            connection = DriverManager.getConnection(url);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            card = connection.prepareStatement("SELECT definition_json, state, version FROM cards "
                    + "WHERE id = ? AND tenant_id = ?");
            membership = connection.prepareStatement("SELECT points, balance, last_sequence, version, state "
                    + "FROM memberships WHERE tenant_id = ? AND card_id = ? AND code = ?");
            key = connection.prepareStatement("SELECT sequence_no FROM ledger_entries WHERE tenant_id = ? "
                    + "AND card_id = ? AND code = ? AND idempotency_key = ?");
            update = connection.prepareStatement("UPDATE memberships SET points = ?, last_sequence = ?, "
                    + "version = ?, updated_at = ? WHERE tenant_id = ? AND card_id = ? AND code = ? AND version = ?");
            entry = connection.prepareStatement("INSERT INTO ledger_entries (tenant_id, card_id, code, sequence_no, "
                    + "asset, delta, points_after, balance_after, reason, idempotency_key, entry_source, "
                    + "notify_member, recorded_at) VALUES (?, ?, ?, ?, 'POINTS', ?, ?, ?, 'bench purchase', ?, "
                    + "'MERCHANT', FALSE, ?)");
            task = connection.prepareStatement("INSERT INTO outbox (id, tenant_id, kind, fields_json, attempts, "
                    + "created_at, not_before, claimed_by, lease_until, dead, last_error) VALUES (?, ?, "
                    + "'sync_member_totals', ?, 0, ?, ?, NULL, NULL, FALSE, NULL)");
        }
    }

    PlainJdbcLoad(LedgerWorld world, String jdbcUrl, int clients, AtomicLong succeeded) throws SQLException {
        super(world.memberships, clients, succeeded);
        for (int c = 0; c < clients; c++) {
            perClient.add(new Statements(jdbcUrl));
        }
    }

    @Override
    boolean change(int client, MembershipKey membership, long points, String idempotencyKey) throws Exception {
        Statements s = perClient.get(client);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                if (attempt(s, membership, points, idempotencyKey)) {
                    s.connection.commit();
                    return true;
                }
                s.connection.rollback(); // the version moved on: read afresh, as the service's unit of work does
            } catch (SQLException failed) {
                s.connection.rollback();
                throw failed;
            }
            Thread.sleep((long) (Math.random() * 5 * attempt));
        }
        return false;
    }

    private boolean attempt(Statements s, MembershipKey m, long points, String idempotencyKey) throws SQLException {
        String tenant = m.tenantId().value();
        String card = m.cardId().value();
        String code = m.code().value();
        s.card.setString(1, card);
        s.card.setString(2, tenant);
        try (ResultSet row = s.card.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("no card " + card);
            }
            row.getString(1);
        }
        long total;
        long balance;
        long sequence;
        long version;
        s.membership.setString(1, tenant);
        s.membership.setString(2, card);
        s.membership.setString(3, code);
        try (ResultSet row = s.membership.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("no membership " + m);
            }
            total = row.getLong(1);
            balance = row.getLong(2);
            sequence = row.getLong(3);
            version = row.getLong(4);
        }
        s.key.setString(1, tenant);
        s.key.setString(2, card);
        s.key.setString(3, code);
        s.key.setString(4, idempotencyKey);
        try (ResultSet row = s.key.executeQuery()) {
            if (row.next()) {
                throw new IllegalStateException("idempotency key used twice: " + idempotencyKey);
            }
        }
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        s.update.setLong(1, total + points);
        s.update.setLong(2, sequence + 1);
        s.update.setLong(3, version + 1);
        s.update.setObject(4, now);
        s.update.setString(5, tenant);
        s.update.setString(6, card);
        s.update.setString(7, code);
        s.update.setLong(8, version);
        if (s.update.executeUpdate() != 1) {
            return false;
        }
        s.entry.setString(1, tenant);
        s.entry.setString(2, card);
        s.entry.setString(3, code);
        s.entry.setLong(4, sequence + 1);
        s.entry.setLong(5, points);
        s.entry.setLong(6, total + points);
        s.entry.setLong(7, balance);
        s.entry.setString(8, idempotencyKey);
        s.entry.setObject(9, now);
        s.entry.executeUpdate();
        byte[] id = new byte[10];
        random.nextBytes(id);
        s.task.setString(1, "ob_" + HexFormat.of().formatHex(id));
        s.task.setString(2, tenant);
        s.task.setString(3, "{\"tenant_id\":\"" + tenant + "\",\"card_id\":\"" + card + "\",\"code\":\"" + code
                + "\",\"sequence\":" + (sequence + 1) + "}");
        s.task.setObject(4, now);
        s.task.setObject(5, now);
        s.task.executeUpdate();
        return true;
    }

    @Override
    public void close() {
        for (Statements s : perClient) {
            try {
                s.connection.close();
            } catch (SQLException ignored) {
                // closing at the end of the run: nothing to do about it
            }
        }
    }
}
