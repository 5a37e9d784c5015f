package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.CardStatisticsStore;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.membership.ActivationMethod;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.segment.MemberFacts;
import io.wxcard.domain.statistics.OurFigures;
import io.wxcard.domain.statistics.WechatDailyFigures;
import io.wxcard.domain.store.Store;
import io.wxcard.domain.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link CardStatisticsStore}: WeChat's figures on {@code wechat_card_statistics}; ours read from {@code memberships},
 * {@code ledger_entries} and {@code store_visits} (counted by the domain, so that every database counts alike).
 */
final class JdbiCardStatisticsStore implements CardStatisticsStore {

    /** What stands for "no card" in the key of the account-wide scopes. */
    private static final String ACCOUNT_WIDE = "-";
    private static final String FIGURES = "view_cnt, view_user, receive_cnt, receive_user, verify_cnt, verify_user, "
            + "active_user, total_user, new_user, given_cnt, expire_cnt";

    private final Sql sql;

    JdbiCardStatisticsStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void saveWechatFigures(TenantId tenantId, List<WechatDailyFigures> figures) {
        if (figures.isEmpty()) {
            return;
        }
        sql.inTransaction(() -> "keeping " + figures.size() + " days of WeChat's card statistics", handle -> {
            PreparedBatch delete = handle.prepareBatch("DELETE FROM wechat_card_statistics WHERE tenant_id = :tenantId "
                    + "AND scope = :scope AND wechat_card_id = :cardId AND ref_date = :day");
            PreparedBatch insert = handle.prepareBatch("INSERT INTO wechat_card_statistics (tenant_id, scope, "
                    + "wechat_card_id, ref_date, " + FIGURES + ") VALUES (:tenantId, :scope, :cardId, :day, :viewCount, "
                    + ":viewUsers, :receiveCount, :receiveUsers, :verifyCount, :verifyUsers, :activeUsers, :totalUsers, "
                    + ":newUsers, :givenCount, :expireCount)");
            for (WechatDailyFigures day : figures) {
                String cardId = day.cardId().map(WechatCardId::value).getOrElse(ACCOUNT_WIDE);
                delete.bind("tenantId", tenantId.value()).bind("scope", day.scope().name()).bind("cardId", cardId)
                        .bind("day", day.day()).add();
                insert.bind("tenantId", tenantId.value()).bind("scope", day.scope().name()).bind("cardId", cardId)
                        .bind("day", day.day()).bind("viewCount", day.viewCount()).bind("viewUsers", day.viewUsers())
                        .bind("receiveCount", day.receiveCount()).bind("receiveUsers", day.receiveUsers())
                        .bind("verifyCount", day.verifyCount()).bind("verifyUsers", day.verifyUsers())
                        .bind("activeUsers", day.activeUsers()).bind("totalUsers", day.totalUsers())
                        .bind("newUsers", day.newUsers()).bind("givenCount", day.givenCount())
                        .bind("expireCount", day.expireCount()).add();
            }
            delete.execute();
            return insert.execute();
        });
    }

    @Override
    public List<WechatDailyFigures> wechatFigures(TenantId tenantId, WechatDailyFigures.Scope scope,
                                                  Option<WechatCardId> cardId, LocalDate from, LocalDate to) {
        return sql.withHandle(() -> "reading WeChat's card statistics", handle -> handle
                .createQuery("SELECT scope, wechat_card_id, ref_date, " + FIGURES + " FROM wechat_card_statistics "
                        + "WHERE tenant_id = :tenantId AND scope = :scope AND wechat_card_id = :cardId "
                        + "AND ref_date >= :from AND ref_date <= :to ORDER BY ref_date")
                .bind("tenantId", tenantId.value()).bind("scope", scope.name())
                .bind("cardId", cardId.map(WechatCardId::value).getOrElse(ACCOUNT_WIDE))
                .bind("from", from).bind("to", to)
                .map(JdbiCardStatisticsStore::figures).list());
    }

    @Override
    public List<OurFigures.Received> receipts(TenantId tenantId, CardId cardId, Instant from, Instant until) {
        return sql.withHandle(() -> "reading the card's receipts", handle -> handle
                .createQuery("SELECT code, outer_str, received_at, activated_at FROM memberships "
                        + "WHERE tenant_id = :tenantId AND card_id = :cardId AND ((received_at >= :from AND "
                        + "received_at < :until) OR (activated_at >= :from AND activated_at < :until)) ORDER BY code")
                .bind("tenantId", tenantId.value()).bind("cardId", cardId.value())
                .bind("from", from).bind("until", until)
                .map((rs, context) -> new OurFigures.Received(rs.getString("code"),
                        Option.of(rs.getString("outer_str")), UtcInstants.read(rs, "received_at"),
                        Option.of(UtcInstants.read(rs, "activated_at"))))
                .list());
    }

    @Override
    public List<OurFigures.Movement> movements(TenantId tenantId, CardId cardId, Instant from, Instant until) {
        return sql.withHandle(() -> "reading the card's ledger entries", handle -> handle
                .createQuery("SELECT code, asset, delta, recorded_at, entry_source FROM ledger_entries WHERE tenant_id = :tenantId "
                        + "AND card_id = :cardId AND recorded_at >= :from AND recorded_at < :until "
                        + "ORDER BY recorded_at, code, sequence_no")
                .bind("tenantId", tenantId.value()).bind("cardId", cardId.value())
                .bind("from", from).bind("until", until)
                .map((rs, context) -> new OurFigures.Movement(rs.getString("code"), Asset.valueOf(rs.getString("asset")),
                        rs.getLong("delta"), UtcInstants.read(rs, "recorded_at"),
                        EntrySource.valueOf(rs.getString("entry_source"))))
                .list());
    }

    @Override
    public boolean claimDailyPull(TenantId tenantId, LocalDate day, Instant at) {
        String what = "claiming the daily statistics pull of " + day;
        return sql.withHandle(() -> what, handle -> sql.insertUnlessPresent(handle, "INSERT INTO "
                + "statistics_daily_pulls (tenant_id, ref_date, claimed_at) VALUES (:tenantId, :day, :at)", () -> what,
                update -> update.bind("tenantId", tenantId.value()).bind("day", day).bind("at", at)));
    }

    @Override
    public void releaseDailyPull(TenantId tenantId, LocalDate day) {
        sql.withHandle(() -> "releasing the daily statistics pull of " + day, handle -> handle
                .createUpdate("DELETE FROM statistics_daily_pulls WHERE tenant_id = :tenantId AND ref_date = :day")
                .bind("tenantId", tenantId.value()).bind("day", day).execute());
    }

    @Override
    public List<MemberFacts> memberFacts(TenantId tenantId, CardId cardId) {
        return sql.withHandle(() -> "reading the card's members for segments", handle -> handle
                .createQuery("SELECT m.code, m.open_id, m.points, m.outer_str, m.activation_method, "
                        + "(SELECT MAX(l.recorded_at) FROM ledger_entries l WHERE l.tenant_id = m.tenant_id AND "
                        + "l.card_id = m.card_id AND l.code = m.code) AS last_entry, "
                        + "(SELECT MAX(v.visited_at) FROM store_visits v WHERE v.tenant_id = m.tenant_id AND "
                        + "v.card_id = m.card_id AND v.code = m.code) AS last_visit "
                        + "FROM memberships m WHERE m.tenant_id = :tenantId AND m.card_id = :cardId "
                        + "AND m.state IN (<holding>) ORDER BY m.received_at, m.code")
                .bind("tenantId", tenantId.value()).bind("cardId", cardId.value())
                .bindList("holding", List.of(MembershipState.ISSUED.name(), MembershipState.ACTIVATED.name()))
                .map(JdbiCardStatisticsStore::facts).list());
    }

    private static MemberFacts facts(ResultSet rs, StatementContext context) throws SQLException {
        Option<Instant> lastEntry = Option.of(UtcInstants.read(rs, "last_entry"));
        Option<Instant> lastVisit = Option.of(UtcInstants.read(rs, "last_visit"));
        Option<Instant> last = lastEntry.isEmpty() ? lastVisit : lastVisit.isEmpty() ? lastEntry
                : Option.of(lastEntry.get().isAfter(lastVisit.get()) ? lastEntry.get() : lastVisit.get());
        return new MemberFacts(new Code(rs.getString("code")), new OpenId(rs.getString("open_id")),
                rs.getLong("points"), Option.of(rs.getString("outer_str")).flatMap(Store::named), last,
                ActivationMethod.IMPORT.name().equals(rs.getString("activation_method")), Option.none());
    }

    private static WechatDailyFigures figures(ResultSet rs, StatementContext context) throws SQLException {
        String cardId = rs.getString("wechat_card_id");
        return new WechatDailyFigures(WechatDailyFigures.Scope.valueOf(rs.getString("scope")),
                ACCOUNT_WIDE.equals(cardId) ? Option.none() : Option.of(new WechatCardId(cardId)),
                rs.getObject("ref_date", LocalDate.class), rs.getLong("view_cnt"), rs.getLong("view_user"),
                rs.getLong("receive_cnt"), rs.getLong("receive_user"), rs.getLong("verify_cnt"),
                rs.getLong("verify_user"), rs.getLong("active_user"), rs.getLong("total_user"),
                rs.getLong("new_user"), rs.getLong("given_cnt"), rs.getLong("expire_cnt"));
    }
}
