package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.MemberStandingStore;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.loyalty.LevelChange;
import io.wxcard.domain.loyalty.LevelName;
import io.wxcard.domain.loyalty.MemberStanding;
import io.wxcard.domain.loyalty.Purchase;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@link MemberStandingStore} on {@code member_levels}, {@code member_level_changes} and {@code member_purchases}. A
 * standing is read in one query: the level joined with the sum of the purchases.
 */
final class JdbiMemberStandingStore implements MemberStandingStore {

    private static final String OF_KEY = "tenant_id = :tenantId AND card_id = :cardId AND code = :code";
    private static final String INSERT_LEVEL = "INSERT INTO member_levels (tenant_id, card_id, code, level_name, "
            + "level_since) VALUES (:tenantId, :cardId, :code, :level, :since)";
    private static final String UPDATE_LEVEL = "UPDATE member_levels SET level_name = :level, level_since = :since "
            + "WHERE " + OF_KEY;
    private static final String INSERT_PURCHASE = "INSERT INTO member_purchases (tenant_id, card_id, code, "
            + "idempotency_key, amount_fen, points_earned, ledger_sequence, purchased_at) VALUES (:tenantId, :cardId, "
            + ":code, :key, :amount, :points, :sequence, :at)";
    private static final String INSERT_CHANGE = "INSERT INTO member_level_changes (tenant_id, card_id, code, "
            + "change_no, from_level, to_level, direction, cause, changed_at) SELECT :tenantId, :cardId, :code, "
            + "COALESCE(MAX(change_no), 0) + 1, :fromLevel, :toLevel, :direction, :cause, :at "
            + "FROM member_level_changes WHERE " + OF_KEY;

    private final Sql sql;

    JdbiMemberStandingStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Option<MemberStanding> find(MembershipKey m) {
        return sql.withHandle(() -> "reading the standing of membership " + m, handle -> {
            Option<MemberStanding> level = Option.ofOptional(key(handle.createQuery("SELECT level_name, level_since "
                    + "FROM member_levels WHERE " + OF_KEY), m)
                    .map((rs, ctx) -> new MemberStanding(m, Option.of(new LevelName(rs.getString("level_name"))),
                            Fen.ZERO, UtcInstants.read(rs, "level_since"))).findOne());
            record Spend(long total, Instant first) {}
            Spend spend = key(handle.createQuery("SELECT COALESCE(SUM(amount_fen), 0) AS total, MIN(purchased_at) "
                    + "AS first_at FROM member_purchases WHERE " + OF_KEY), m)
                    .map((rs, ctx) -> new Spend(rs.getLong("total"), rs.getObject("first_at") == null ? null
                            : UtcInstants.read(rs, "first_at"))).one();
            if (level.isEmpty() && spend.total() == 0) {
                return Option.<MemberStanding>none();
            }
            return Option.of(new MemberStanding(m, level.flatMap(MemberStanding::level), Fen.of(spend.total()),
                    level.map(MemberStanding::since).getOrElse(spend.first())));
        });
    }

    @Override
    public void saveLevel(MemberStanding standing) {
        MembershipKey m = standing.membership();
        LevelName level = standing.level().getOrElseThrow(() ->
                new IllegalArgumentException("a standing without a level has nothing to save"));
        sql.inTransaction(() -> "saving the level of membership " + m, handle -> {
            boolean updated = key(handle.createUpdate(UPDATE_LEVEL), m).bind("level", level.value())
                    .bind("since", standing.since()).execute() == 1;
            if (!updated && !sql.insertUnlessPresent(handle, INSERT_LEVEL, () -> "saving the level of membership " + m,
                    insert -> key(insert, m).bind("level", level.value()).bind("since", standing.since()))) {
                throw new ConcurrentUpdateException("the level of membership " + m + " was set at the same time by "
                        + "someone else; read it again");
            }
            return m;
        });
    }

    @Override
    public List<MemberStanding> withLevel(TenantId tenantId, CardId cardId) {
        List<MembershipKey> keys = sql.withHandle(() -> "listing the levels of card " + cardId, handle -> handle
                .createQuery("SELECT code FROM member_levels WHERE tenant_id = :tenantId AND card_id = :cardId "
                        + "ORDER BY code")
                .bind("tenantId", tenantId.value()).bind("cardId", cardId.value())
                .map((rs, ctx) -> new MembershipKey(tenantId, cardId, new Code(rs.getString("code")))).list());
        return keys.stream().map(key -> find(key).get()).toList();
    }

    @Override
    public boolean recordPurchase(Purchase p) {
        return sql.inTransaction(() -> "recording purchase " + p.key() + " of membership " + p.membership(),
                handle -> sql.insertUnlessPresent(handle, INSERT_PURCHASE, () -> "recording purchase " + p.key(),
                        insert -> key(insert, p.membership()).bind("key", p.key().value())
                                .bind("amount", p.amount().value()).bind("points", p.earned().value())
                                .bind("sequence", p.ledgerSequence()).bind("at", p.at())));
    }

    @Override
    public Option<Purchase> purchase(MembershipKey m, IdempotencyKey key) {
        return sql.withHandle(() -> "reading purchase " + key + " of membership " + m, handle -> Option.ofOptional(
                key(handle.createQuery("SELECT amount_fen, points_earned, ledger_sequence, purchased_at FROM "
                        + "member_purchases WHERE " + OF_KEY + " AND idempotency_key = :key"), m)
                        .bind("key", key.value())
                        .map((rs, ctx) -> new Purchase(m, key, Fen.of(rs.getLong("amount_fen")),
                                Points.of(rs.getLong("points_earned")), rs.getLong("ledger_sequence"),
                                UtcInstants.read(rs, "purchased_at")))
                        .findOne()));
    }

    @Override
    public void appendLevelChange(LevelChange c) {
        sql.inTransaction(() -> "recording a level change of membership " + c.membership(), handle ->
                key(handle.createUpdate(INSERT_CHANGE), c.membership())
                        .bind("fromLevel", c.from().map(LevelName::value).getOrNull())
                        .bind("toLevel", c.to().value()).bind("direction", c.direction().name())
                        .bind("cause", c.cause()).bind("at", c.at()).execute());
    }

    @Override
    public List<LevelChange> levelChanges(MembershipKey m) {
        return sql.withHandle(() -> "reading the level history of membership " + m, handle -> key(handle.createQuery(
                "SELECT from_level, to_level, direction, cause, changed_at FROM member_level_changes WHERE " + OF_KEY
                        + " ORDER BY change_no"), m)
                .map((rs, ctx) -> new LevelChange(m, Option.of(rs.getString("from_level")).map(LevelName::new),
                        new LevelName(rs.getString("to_level")), LevelChange.Direction.valueOf(rs.getString("direction")),
                        rs.getString("cause"), UtcInstants.read(rs, "changed_at")))
                .list());
    }

    private static <S extends SqlStatement<S>> S key(S statement, MembershipKey m) {
        return statement.bind("tenantId", m.tenantId().value()).bind("cardId", m.cardId().value())
                .bind("code", m.code().value());
    }
}
