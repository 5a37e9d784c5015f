package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.MemberLookup;
import io.wxcard.application.port.out.store.MemberProfileStore;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link MemberProfileStore} on {@code member_profiles}; look-ups by openid and membership number read
 * {@code memberships} (a membership has both before WeChat tells anything else), by phone and unionid the profiles.
 * Each look-up is one indexed query (V5's indexes, on every database).
 */
final class JdbiMemberProfileStore implements MemberProfileStore {

    private static final String COLUMNS = "tenant_id, card_id, code, open_id, union_id, nickname, phone, phone_raw, "
            + "sex, fields_json, updated_at";
    private static final String INSERT = "INSERT INTO member_profiles (" + COLUMNS + ") VALUES (:tenantId, :cardId, "
            + ":code, :openId, :unionId, :nickname, :phone, :phoneRaw, :sex, :fieldsJson, :updatedAt)";
    private static final String UPDATE = "UPDATE member_profiles SET open_id = :openId, union_id = :unionId, "
            + "nickname = :nickname, phone = :phone, phone_raw = :phoneRaw, sex = :sex, fields_json = :fieldsJson, "
            + "updated_at = :updatedAt WHERE tenant_id = :tenantId AND card_id = :cardId AND code = :code";
    private static final String OF_KEY = " WHERE tenant_id = :tenantId AND card_id = :cardId AND code = :code";

    private final Sql sql;

    JdbiMemberProfileStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(MemberProfile profile) {
        MembershipKey key = profile.membership();
        sql.inTransaction(() -> "saving the profile of membership " + key, handle -> {
            boolean updated = bind(handle.createUpdate(UPDATE), profile).execute() == 1;
            if (!updated && !sql.insertUnlessPresent(handle, INSERT, () -> "saving the profile of membership " + key,
                    insert -> bind(insert, profile))) {
                throw new ConcurrentUpdateException("the profile of membership " + key + " was saved at the same "
                        + "time by someone else; read it again");
            }
            return key;
        });
    }

    @Override
    public Option<MemberProfile> find(MembershipKey membership) {
        return sql.withHandle(() -> "reading the profile of membership " + membership, handle -> Option.ofOptional(
                handle.createQuery("SELECT " + COLUMNS + " FROM member_profiles" + OF_KEY)
                        .bind("tenantId", membership.tenantId().value())
                        .bind("cardId", membership.cardId().value())
                        .bind("code", membership.code().value())
                        .map(JdbiMemberProfileStore::read)
                        .findOne()));
    }

    @Override
    public List<MembershipKey> lookUp(TenantId tenantId, MemberLookup lookup, int limit) {
        String where;
        Object value;
        if (lookup instanceof MemberLookup.ByPhone byPhone) {
            where = "FROM member_profiles p JOIN memberships m ON m.tenant_id = p.tenant_id AND m.card_id = p.card_id "
                    + "AND m.code = p.code WHERE p.tenant_id = :tenantId AND p.phone = :value";
            value = byPhone.phone().normalised();
        } else if (lookup instanceof MemberLookup.ByUnionId byUnionId) {
            where = "FROM member_profiles p JOIN memberships m ON m.tenant_id = p.tenant_id AND m.card_id = p.card_id "
                    + "AND m.code = p.code WHERE p.tenant_id = :tenantId AND p.union_id = :value";
            value = byUnionId.unionId();
        } else if (lookup instanceof MemberLookup.ByOpenId byOpenId) {
            where = "FROM memberships m WHERE m.tenant_id = :tenantId AND m.open_id = :value";
            value = byOpenId.openId().value();
        } else {
            where = "FROM memberships m WHERE m.tenant_id = :tenantId AND m.membership_number = :value";
            value = ((MemberLookup.ByMembershipNumber) lookup).number().value();
        }
        return sql.withHandle(() -> "looking members up", handle -> handle
                .createQuery("SELECT m.tenant_id, m.card_id, m.code " + where
                        + " ORDER BY m.received_at, m.card_id, m.code LIMIT :limit")
                .bind("tenantId", tenantId.value())
                .bind("value", value)
                .bind("limit", limit)
                .map((rs, context) -> new MembershipKey(new TenantId(rs.getString("tenant_id")),
                        new CardId(rs.getString("card_id")), new Code(rs.getString("code"))))
                .list());
    }

    /** One query per kind of look-up among those asked, each with the values of that kind in one list. */
    @Override
    public Map<MemberLookup, List<MembershipKey>> lookUpOnCard(TenantId tenantId, CardId cardId,
                                                              Collection<MemberLookup> lookups, int limit) {
        Map<String, Map<String, MemberLookup>> byKind = new HashMap<>();
        for (MemberLookup lookup : lookups) {
            byKind.computeIfAbsent(column(lookup), kind -> new HashMap<>()).put(value(lookup), lookup);
        }
        Map<MemberLookup, List<MembershipKey>> found = new HashMap<>();
        byKind.forEach((column, values) -> {
            String from = column.startsWith("p.")
                    ? "FROM member_profiles p JOIN memberships m ON m.tenant_id = p.tenant_id AND m.card_id = p.card_id "
                            + "AND m.code = p.code WHERE p.tenant_id = :tenantId AND p.card_id = :cardId"
                    : "FROM memberships m WHERE m.tenant_id = :tenantId AND m.card_id = :cardId";
            sql.withHandle(() -> "looking members of card " + cardId + " up", handle -> handle
                    .createQuery("SELECT " + column + " AS matched, m.code " + from + " AND " + column + " IN (<values>) "
                            + "ORDER BY m.received_at, m.code")
                    .bind("tenantId", tenantId.value())
                    .bind("cardId", cardId.value())
                    .bindList("values", List.copyOf(values.keySet()))
                    .map((rs, context) -> Map.entry(rs.getString("matched"), rs.getString("code")))
                    .list())
                    .forEach(match -> {
                        List<MembershipKey> keys = found.computeIfAbsent(values.get(match.getKey()),
                                lookup -> new ArrayList<>());
                        if (keys.size() < limit) {
                            keys.add(new MembershipKey(tenantId, cardId, new Code(match.getValue())));
                        }
                    });
        });
        return found;
    }

    private static String column(MemberLookup lookup) {
        if (lookup instanceof MemberLookup.ByPhone) {
            return "p.phone";
        } else if (lookup instanceof MemberLookup.ByUnionId) {
            return "p.union_id";
        } else if (lookup instanceof MemberLookup.ByOpenId) {
            return "m.open_id";
        }
        return "m.membership_number";
    }

    /** The value as the column holds it (a phone normalised). */
    private static String value(MemberLookup lookup) {
        if (lookup instanceof MemberLookup.ByPhone byPhone) {
            return byPhone.phone().normalised();
        } else if (lookup instanceof MemberLookup.ByUnionId byUnionId) {
            return byUnionId.unionId();
        } else if (lookup instanceof MemberLookup.ByOpenId byOpenId) {
            return byOpenId.openId().value();
        }
        return ((MemberLookup.ByMembershipNumber) lookup).number().value();
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(S statement, MemberProfile p) {
        return statement
                .bind("tenantId", p.membership().tenantId().value())
                .bind("cardId", p.membership().cardId().value())
                .bind("code", p.membership().code().value())
                .bind("openId", p.openId().value())
                .bind("unionId", p.unionId().getOrNull())
                .bind("nickname", p.nickname().getOrNull())
                .bind("phone", p.phone().map(Phone::normalised).getOrNull())
                .bind("phoneRaw", p.phone().map(Phone::value).getOrNull())
                .bind("sex", p.sex().getOrNull())
                .bind("fieldsJson", Json.write(p.fields()))
                .bind("updatedAt", p.updatedAt());
    }

    private static MemberProfile read(ResultSet rs, StatementContext context) throws SQLException {
        return new MemberProfile(
                new MembershipKey(new TenantId(rs.getString("tenant_id")), new CardId(rs.getString("card_id")),
                        new Code(rs.getString("code"))),
                new OpenId(rs.getString("open_id")),
                Option.of(rs.getString("union_id")),
                Option.of(rs.getString("nickname")),
                Option.of(rs.getString("phone_raw")).map(Phone::new),
                Option.of(rs.getString("sex")),
                Json.readStrings(rs.getString("fields_json")),
                UtcInstants.read(rs, "updated_at"));
    }
}
