package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.CampaignJoinStore;
import io.wxcard.domain.campaign.CampaignId;
import io.wxcard.domain.campaign.CampaignJoin;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link CampaignJoinStore} on the {@code campaign_joins} table (V14): the membership is the key, kept once. */
final class JdbiCampaignJoinStore implements CampaignJoinStore {

    private static final String COLUMNS = "tenant_id, card_id, code, campaign_id, openid, source_scene, joined_at";
    private static final String INSERT = "INSERT INTO campaign_joins (" + COLUMNS + ") VALUES (:tenantId, :cardId, "
            + ":code, :campaignId, :openid, :sourceScene, :joinedAt)";

    private final Sql sql;

    JdbiCampaignJoinStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean record(CampaignJoin join) {
        String what = "recording that membership " + join.code() + " joined through campaign " + join.campaignId();
        return sql.withHandle(() -> what, handle -> sql.insertUnlessPresent(handle, INSERT, () -> what,
                insert -> insert.bind("tenantId", join.tenantId().value())
                        .bind("cardId", join.cardId().value())
                        .bind("code", join.code().value())
                        .bind("campaignId", join.campaignId().value())
                        .bind("openid", join.openId().value())
                        .bind("sourceScene", join.sourceScene())
                        .bind("joinedAt", join.joinedAt())));
    }

    @Override
    public long joined(TenantId tenantId, CampaignId campaignId) {
        return sql.withHandle(() -> "counting the members of campaign " + campaignId, handle -> handle
                .createQuery("SELECT COUNT(*) FROM campaign_joins WHERE tenant_id = :tenantId "
                        + "AND campaign_id = :campaignId")
                .bind("tenantId", tenantId.value())
                .bind("campaignId", campaignId.value())
                .mapTo(Long.class)
                .one());
    }

    @Override
    public Option<CampaignJoin> of(TenantId tenantId, CardId cardId, Code code) {
        return sql.withHandle(() -> "reading the campaign membership " + code + " joined through", handle -> Option
                .ofOptional(handle.createQuery("SELECT " + COLUMNS + " FROM campaign_joins WHERE tenant_id = :tenantId "
                                + "AND card_id = :cardId AND code = :code")
                        .bind("tenantId", tenantId.value())
                        .bind("cardId", cardId.value())
                        .bind("code", code.value())
                        .map(JdbiCampaignJoinStore::read)
                        .findOne()));
    }

    private static CampaignJoin read(ResultSet rs, StatementContext context) throws SQLException {
        return new CampaignJoin(new TenantId(rs.getString("tenant_id")), new CampaignId(rs.getString("campaign_id")),
                new CardId(rs.getString("card_id")), new Code(rs.getString("code")), new OpenId(rs.getString("openid")),
                rs.getString("source_scene"), UtcInstants.read(rs, "joined_at"));
    }
}
