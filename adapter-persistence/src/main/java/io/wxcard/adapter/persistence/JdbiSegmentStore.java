package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.SegmentStore;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.segment.CardMessage;
import io.wxcard.domain.segment.Segment;
import io.wxcard.domain.segment.SegmentCriteria;
import io.wxcard.domain.segment.SegmentId;
import io.wxcard.domain.store.StoreId;
import io.wxcard.domain.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link SegmentStore} on {@code segments} and {@code card_messages}. */
final class JdbiSegmentStore implements SegmentStore {

    private static final String SEGMENT_COLUMNS = "tenant_id, id, card_id, name, min_points, max_points, store_id, "
            + "active_within_days, imported, level_name, wechat_tag_id, created_at";
    private static final String MESSAGE_COLUMNS = "id, tenant_id, card_id, kind, target, segment_id, msg_id, failure, "
            + "sent_at";

    private final Sql sql;

    JdbiSegmentStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(Segment segment) {
        SegmentCriteria c = segment.criteria();
        sql.inTransaction(() -> "saving segment " + segment.id(), handle -> {
            handle.createUpdate("DELETE FROM segments WHERE tenant_id = :tenantId AND id = :id")
                    .bind("tenantId", segment.tenantId().value()).bind("id", segment.id().value()).execute();
            return handle.createUpdate("INSERT INTO segments (" + SEGMENT_COLUMNS + ") VALUES (:tenantId, :id, "
                            + ":cardId, :name, :minPoints, :maxPoints, :storeId, :activeWithinDays, :imported, "
                            + ":level, :tagId, :createdAt)")
                    .bind("tenantId", segment.tenantId().value())
                    .bind("id", segment.id().value())
                    .bind("cardId", segment.cardId().value())
                    .bind("name", segment.name())
                    .bind("minPoints", c.minPoints().getOrNull())
                    .bind("maxPoints", c.maxPoints().getOrNull())
                    .bind("storeId", c.store().map(StoreId::value).getOrNull())
                    .bind("activeWithinDays", c.activeWithinDays().getOrNull())
                    .bind("imported", c.imported().getOrNull())
                    .bind("level", c.level().getOrNull())
                    .bind("tagId", segment.wechatTagId().getOrNull())
                    .bind("createdAt", segment.createdAt())
                    .execute();
        });
    }

    @Override
    public Option<Segment> find(TenantId tenantId, SegmentId segmentId) {
        return sql.withHandle(() -> "finding segment " + segmentId, handle -> Option.ofOptional(handle
                .createQuery("SELECT " + SEGMENT_COLUMNS + " FROM segments WHERE tenant_id = :tenantId AND id = :id")
                .bind("tenantId", tenantId.value()).bind("id", segmentId.value())
                .map(JdbiSegmentStore::segment).findOne()));
    }

    @Override
    public List<Segment> list(TenantId tenantId, CardId cardId) {
        return sql.withHandle(() -> "listing segments", handle -> handle
                .createQuery("SELECT " + SEGMENT_COLUMNS + " FROM segments WHERE tenant_id = :tenantId "
                        + "AND card_id = :cardId ORDER BY created_at, id")
                .bind("tenantId", tenantId.value()).bind("cardId", cardId.value())
                .map(JdbiSegmentStore::segment).list());
    }

    @Override
    public void record(CardMessage message) {
        sql.withHandle(() -> "recording card message " + message.id(), handle -> handle
                .createUpdate("INSERT INTO card_messages (" + MESSAGE_COLUMNS + ") VALUES (:id, :tenantId, :cardId, "
                        + ":kind, :target, :segmentId, :msgId, :failure, :sentAt)")
                .bind("id", message.id())
                .bind("tenantId", message.tenantId().value())
                .bind("cardId", message.cardId().value())
                .bind("kind", message.kind().name())
                .bind("target", message.target())
                .bind("segmentId", message.segmentId().map(SegmentId::value).getOrNull())
                .bind("msgId", message.msgId().getOrNull())
                .bind("failure", message.failure().map(text -> Texts.cut(text, 512)).getOrNull())
                .bind("sentAt", message.sentAt())
                .execute());
    }

    @Override
    public List<CardMessage> messages(TenantId tenantId, CardId cardId) {
        return sql.withHandle(() -> "listing card messages", handle -> handle
                .createQuery("SELECT " + MESSAGE_COLUMNS + " FROM card_messages WHERE tenant_id = :tenantId "
                        + "AND card_id = :cardId ORDER BY sent_at, id")
                .bind("tenantId", tenantId.value()).bind("cardId", cardId.value())
                .map(JdbiSegmentStore::message).list());
    }

    private static Option<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Option.none() : Option.of(value);
    }

    private static Segment segment(ResultSet rs, StatementContext context) throws SQLException {
        Option<Long> min = optionalLong(rs, "min_points");
        Option<Long> max = optionalLong(rs, "max_points");
        Option<Integer> days = optionalLong(rs, "active_within_days").map(Long::intValue);
        boolean importedValue = rs.getBoolean("imported");
        Option<Boolean> imported = rs.wasNull() ? Option.none() : Option.of(importedValue);
        Option<Long> tagId = optionalLong(rs, "wechat_tag_id");
        SegmentCriteria criteria = new SegmentCriteria(min, max, Option.of(rs.getString("store_id")).map(StoreId::new),
                days, imported, Option.of(rs.getString("level_name")));
        return new Segment(new TenantId(rs.getString("tenant_id")), new SegmentId(rs.getString("id")),
                new CardId(rs.getString("card_id")), rs.getString("name"), criteria, tagId,
                UtcInstants.read(rs, "created_at"));
    }

    private static CardMessage message(ResultSet rs, StatementContext context) throws SQLException {
        Option<Long> msgId = optionalLong(rs, "msg_id");
        return new CardMessage(rs.getString("id"), new TenantId(rs.getString("tenant_id")),
                new CardId(rs.getString("card_id")), CardMessage.Kind.valueOf(rs.getString("kind")),
                rs.getString("target"), Option.of(rs.getString("segment_id")).map(SegmentId::new), msgId,
                Option.of(rs.getString("failure")), UtcInstants.read(rs, "sent_at"));
    }
}
