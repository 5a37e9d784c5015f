package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipSnapshot;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@link MembershipStore} on the {@code memberships} table, which also holds the ledger's totals. An update names the
 * version it read ({@code WHERE version = ?}): of two concurrent changes, the second matches no row once the first
 * commits, and is refused with a {@link ConcurrentUpdateException}.
 *
 * <p>A points change reads a membership and saves it again in one transaction. Reads, and updates (whose refusal is a
 * row count), run as plain JDBC statements (see {@link Database#jdbc}). The transaction remembers the membership as
 * read or saved; when a save finds that only the totals changed since (the same version, every other field equal),
 * it writes only the totals, the version and {@code updated_at}. That is safe because a row's content never changes
 * without its version: every write of a membership goes through {@link #save}, which raises the version, and none
 * deletes one.
 */
final class JdbiMembershipStore implements MembershipStore {

    private static final String SELECT = "SELECT " + MembershipRow.COLUMNS + " FROM memberships ";
    private static final String FIND = SELECT + "WHERE tenant_id = ? AND card_id = ? AND code = ?";
    private static final String INSERT = "INSERT INTO memberships (" + MembershipRow.COLUMNS + ") VALUES ("
            + MembershipRow.PARAMETERS + ")";
    private static final String OF_VERSION = " WHERE tenant_id = ? AND card_id = ? AND code = ? AND version = ?";
    private static final String UPDATE = "UPDATE memberships SET open_id = ?, state = ?, state_before_deletion = ?, "
            + "activation_method = ?, membership_number = ?, form_answers_json = ?, outer_str = ?, "
            + "invalidation_reason = ?, points = ?, balance = ?, last_sequence = ?, version = ?, activated_at = ?, "
            + "updated_at = ?" + OF_VERSION;
    private static final String UPDATE_TOTALS = "UPDATE memberships SET points = ?, balance = ?, last_sequence = ?, "
            + "version = ?, updated_at = ?" + OF_VERSION;

    /** What a transaction remembers of a membership: the membership as stored, as it last read or saved it. */
    private record Stored(MembershipKey key) {}

    private final Database db;
    private final MembershipRowMapper mapper = new MembershipRowMapperImpl();

    JdbiMembershipStore(Database db) {
        this.db = db;
    }

    @Override
    public Option<Membership> find(MembershipKey key) {
        return db.jdbc(() -> "reading membership " + key, statements -> {
            PreparedStatement select = statements.prepared(FIND);
            select.setString(1, key.tenantId().value());
            select.setString(2, key.cardId().value());
            select.setString(3, key.code().value());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Option.<Membership>none();
                }
                Membership found = toMembership(MembershipRow.readRow(rs));
                db.remember(new Stored(key), found);
                return Option.some(found);
            }
        });
    }

    @Override
    public Option<Membership> findByOpenId(TenantId tenantId, CardId cardId, OpenId openId) {
        return db.call("reading the membership of an openid", handle -> Option.ofOptional(handle
                .createQuery(SELECT + "WHERE tenant_id = :tenantId AND card_id = :cardId AND open_id = :openId "
                        + "ORDER BY received_at DESC, code DESC LIMIT 1")
                .bind("tenantId", tenantId.value())
                .bind("cardId", cardId.value())
                .bind("openId", openId.value())
                .map(MembershipRow::read)
                .findOne())
                .map(this::toMembership));
    }

    @Override
    public Membership save(Membership membership) {
        long version = membership.version();
        Stored remembered = new Stored(membership.key());
        if (version == 0) {
            MembershipRow row = mapper.toRow(membership.snapshot(), 1);
            db.call(() -> "saving membership " + membership.key(),
                    handle -> row.bindTo(handle.createUpdate(INSERT)).execute());
            Membership stored = toMembership(row);
            db.remember(remembered, stored);
            return stored;
        }
        Membership stored;
        int updated;
        if (db.recall(remembered) instanceof Membership before && onlyTotalsChanged(before, membership)) {
            stored = Membership.reconstitute(withVersion(membership.snapshot(), version + 1));
            updated = db.jdbc(() -> "saving membership " + membership.key(),
                    statements -> updateTotals(statements, stored.snapshot(), version));
        } else {
            MembershipRow row = mapper.toRow(membership.snapshot(), version + 1);
            stored = toMembership(row);
            updated = db.jdbc(() -> "saving membership " + membership.key(),
                    statements -> update(statements, row, version));
        }
        if (updated == 0) {
            db.forget(remembered);
            throw new ConcurrentUpdateException("membership " + membership.key() + " was changed by someone else "
                    + "(version " + version + " is stale) or is not stored; read it again");
        }
        db.remember(remembered, stored);
        return stored;
    }

    /**
     * Whether a membership differs from the one its transaction read or saved at the same version only in what a
     * ledger change alters: the totals and {@code updated_at} (a new field of the snapshot is compared as it is).
     */
    private static boolean onlyTotalsChanged(Membership before, Membership after) {
        if (before.version() != after.version()) {
            return false;
        }
        MembershipSnapshot b = before.snapshot();
        MembershipSnapshot a = after.snapshot();
        return a.equals(b.toBuilder().totals(a.totals()).version(a.version()).updatedAt(a.updatedAt()).build());
    }

    private static MembershipSnapshot withVersion(MembershipSnapshot s, long version) {
        return s.toBuilder().version(version).build();
    }

    private static int updateTotals(Database.Statements statements, MembershipSnapshot stored, long expectedVersion)
            throws SQLException {
        PreparedStatement update = statements.prepared(UPDATE_TOTALS);
        update.setLong(1, stored.totals().points().value());
        update.setLong(2, stored.totals().balance().value());
        update.setLong(3, stored.totals().lastSequence());
        update.setLong(4, stored.version());
        Jdbc.setInstant(update, 5, stored.updatedAt());
        bindKeyAndVersion(update, 6, stored.tenantId().value(), stored.cardId().value(), stored.code().value(),
                expectedVersion);
        return update.executeUpdate();
    }

    private static int update(Database.Statements statements, MembershipRow row, long expectedVersion)
            throws SQLException {
        PreparedStatement update = statements.prepared(UPDATE);
        Jdbc.setString(update, 1, row.openId());
        Jdbc.setString(update, 2, row.state());
        Jdbc.setString(update, 3, row.stateBeforeDeletion());
        Jdbc.setString(update, 4, row.activationMethod());
        Jdbc.setString(update, 5, row.membershipNumber());
        Jdbc.setString(update, 6, row.formAnswersJson());
        Jdbc.setString(update, 7, row.outerStr());
        Jdbc.setString(update, 8, row.invalidationReason());
        update.setLong(9, row.points());
        update.setLong(10, row.balance());
        update.setLong(11, row.lastSequence());
        update.setLong(12, row.version());
        Jdbc.setInstant(update, 13, row.activatedAt());
        Jdbc.setInstant(update, 14, row.updatedAt());
        bindKeyAndVersion(update, 15, row.tenantId(), row.cardId(), row.code(), expectedVersion);
        return update.executeUpdate();
    }

    private static void bindKeyAndVersion(PreparedStatement statement, int first, String tenantId, String cardId,
                                          String code, long version) throws SQLException {
        statement.setString(first, tenantId);
        statement.setString(first + 1, cardId);
        statement.setString(first + 2, code);
        statement.setLong(first + 3, version);
    }

    @Override
    public Page<Membership> list(TenantId tenantId, CardId cardId, Option<MembershipState> state, PageRequest page) {
        String from = "FROM memberships WHERE tenant_id = :tenantId AND card_id = :cardId"
                + (state.isDefined() ? " AND state = :state" : "");
        return db.call("listing memberships", handle -> Paging.page(handle, MembershipRow.COLUMNS, from,
                "ORDER BY received_at, code",
                query -> {
                    query.bind("tenantId", tenantId.value());
                    query.bind("cardId", cardId.value());
                    state.forEach(wanted -> query.bind("state", wanted.name()));
                }, MembershipRow::read, this::toMembership, page));
    }

    /** The membership as stored: read back through the same mapping a find uses. */
    private Membership toMembership(MembershipRow row) {
        return Membership.reconstitute(mapper.toSnapshot(row));
    }
}
