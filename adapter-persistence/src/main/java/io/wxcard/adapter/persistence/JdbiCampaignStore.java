package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.CampaignStore;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.ImportReview;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignId;
import io.wxcard.domain.campaign.CampaignKind;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.campaign.PayActivityTerms;
import io.wxcard.domain.campaign.PayActivityTerms.GiftStock;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link CampaignStore} on the {@code campaigns} and {@code import_reviews} tables. */
final class JdbiCampaignStore implements CampaignStore {

    private static final String COLUMNS = "id, tenant_id, card_id, kind, name, mchids, begins_at, ends_at, least_cost, "
            + "max_cost, wechat_id, protected_members, override_reason, started_at, terminated_at, pay_gifts, pay_logo_url, "
            + "pay_second_title";
    private static final String INSERT = "INSERT INTO campaigns (" + COLUMNS + ") VALUES (:id, :tenantId, :cardId, "
            + ":kind, :name, :mchids, :begin, :end, :least, :max, :wechatId, :protected, :override, :startedAt, NULL, :gifts, :logo, :secondTitle)";

    private final Sql sql;

    JdbiCampaignStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void add(Campaign c) {
        String what = "adding campaign " + c.id();
        CampaignTerms t = c.terms();
        boolean added = sql.withHandle(() -> what, handle -> sql.insertUnlessPresent(handle, INSERT, () -> what,
                insert -> insert.bind("id", c.id().value())
                        .bind("tenantId", c.tenantId().value())
                        .bind("cardId", c.cardId().value())
                        .bind("kind", t.kind().name())
                        .bind("name", t.name())
                        .bind("mchids", String.join(",", t.mchids()))
                        .bind("begin", t.begin())
                        .bind("end", t.end())
                        .bind("least", t.leastCost().map(Fen::value).getOrNull())
                        .bind("max", t.maxCost().map(Fen::value).getOrNull())
                        .bind("wechatId", c.wechatId())
                        .bind("protected", c.protectedMembers())
                        .bind("override", c.override().map(Reason::value).getOrNull())
                        .bind("startedAt", c.startedAt())
                        .bind("gifts", t.payActivity().map(p -> p.gifts().stream().map(GiftStock::toString)
                                .collect(java.util.stream.Collectors.joining(","))).getOrNull())
                        .bind("logo", t.payActivity().map(PayActivityTerms::logoUrl).getOrNull())
                        .bind("secondTitle", t.payActivity().map(PayActivityTerms::secondTitle).getOrNull())));
        if (!added) {
            throw new ConcurrentUpdateException(what + ": its id is already stored");
        }
    }

    @Override
    public void terminated(Campaign c) {
        sql.withHandle(() -> "recording the end of campaign " + c.id(), handle -> handle
                .createUpdate("UPDATE campaigns SET terminated_at = :at WHERE id = :id AND tenant_id = :tenantId")
                .bind("at", c.terminatedAt().getOrNull())
                .bind("id", c.id().value())
                .bind("tenantId", c.tenantId().value())
                .execute());
    }

    @Override
    public Option<Campaign> find(TenantId tenantId, CampaignId id) {
        return sql.withHandle(() -> "reading campaign " + id, handle -> Option.ofOptional(handle
                .createQuery("SELECT " + COLUMNS + " FROM campaigns WHERE id = :id AND tenant_id = :tenantId")
                .bind("id", id.value())
                .bind("tenantId", tenantId.value())
                .map(JdbiCampaignStore::read)
                .findOne()));
    }

    @Override
    public List<Campaign> ofCard(TenantId tenantId, CardId cardId) {
        return sql.withHandle(() -> "listing the campaigns of card " + cardId, handle -> handle
                .createQuery("SELECT " + COLUMNS + " FROM campaigns WHERE tenant_id = :tenantId AND card_id = :cardId "
                        + "ORDER BY started_at, id")
                .bind("tenantId", tenantId.value())
                .bind("cardId", cardId.value())
                .map(JdbiCampaignStore::read)
                .list());
    }

    @Override
    public void failuresReviewed(ImportReview review) {
        String what = "recording the review of import " + review.jobId();
        sql.inTransaction(() -> what, handle -> {
            handle.createUpdate("DELETE FROM import_reviews WHERE tenant_id = :tenantId AND job_id = :jobId")
                    .bind("tenantId", review.tenantId().value())
                    .bind("jobId", review.jobId().value())
                    .execute();
            return handle.createUpdate("INSERT INTO import_reviews (tenant_id, job_id, note, reviewed_at) "
                            + "VALUES (:tenantId, :jobId, :note, :at)")
                    .bind("tenantId", review.tenantId().value())
                    .bind("jobId", review.jobId().value())
                    .bind("note", review.note().value())
                    .bind("at", review.reviewedAt())
                    .execute();
        });
    }

    @Override
    public Option<ImportReview> review(TenantId tenantId, ImportJobId jobId) {
        return sql.withHandle(() -> "reading the review of import " + jobId, handle -> Option.ofOptional(handle
                .createQuery("SELECT note, reviewed_at FROM import_reviews WHERE tenant_id = :tenantId "
                        + "AND job_id = :jobId")
                .bind("tenantId", tenantId.value())
                .bind("jobId", jobId.value())
                .map((rs, ctx) -> new ImportReview(tenantId, jobId, new Reason(rs.getString("note")),
                        UtcInstants.read(rs, "reviewed_at")))
                .findOne()));
    }

    private static Option<PayActivityTerms> payActivity(ResultSet rs) throws SQLException {
        String gifts = rs.getString("pay_gifts");
        if (gifts == null) {
            return Option.none();
        }
        return Option.of(new PayActivityTerms(Arrays.stream(gifts.split(",")).map(GiftStock::parse).toList(),
                rs.getString("pay_logo_url"), rs.getString("pay_second_title")));
    }

    private static Campaign read(ResultSet rs, StatementContext context) throws SQLException {
        String mchids = rs.getString("mchids");
        CampaignTerms terms = new CampaignTerms(CampaignKind.valueOf(rs.getString("kind")), rs.getString("name"),
                mchids.isEmpty() ? List.of() : Arrays.asList(mchids.split(",")), UtcInstants.read(rs, "begins_at"),
                UtcInstants.read(rs, "ends_at"), Option.of(rs.getObject("least_cost", Long.class)).map(Fen::of),
                Option.of(rs.getObject("max_cost", Long.class)).map(Fen::of), payActivity(rs));
        Option<java.time.Instant> terminated = rs.getObject("terminated_at") == null ? Option.none()
                : Option.of(UtcInstants.read(rs, "terminated_at"));
        return new Campaign(new CampaignId(rs.getString("id")), new TenantId(rs.getString("tenant_id")),
                new CardId(rs.getString("card_id")), terms, rs.getString("wechat_id"),
                rs.getLong("protected_members"), Option.of(rs.getString("override_reason")).map(Reason::new),
                UtcInstants.read(rs, "started_at"), terminated);
    }
}
