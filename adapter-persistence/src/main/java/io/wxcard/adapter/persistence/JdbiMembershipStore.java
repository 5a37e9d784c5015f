package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipSnapshot;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link MembershipStore} on the {@code memberships} table, which also holds the ledger's totals. An update names the
 * version it read ({@code WHERE version = :expectedVersion}): of two concurrent changes, the second matches no row once
 * the first commits, and is refused with a {@link ConcurrentUpdateException}. A points change is one read and one
 * such update.
 */
final class JdbiMembershipStore implements MembershipStore {

    private static final String SELECT = "SELECT " + MembershipRow.COLUMNS + " FROM memberships ";
    private static final String INSERT = "INSERT INTO memberships (" + MembershipRow.COLUMNS + ") VALUES ("
            + MembershipRow.PARAMETERS + ")";
    private static final String UPDATE = "UPDATE memberships SET open_id = :openId, state = :state, "
            + "state_before_deletion = :stateBeforeDeletion, activation_method = :activationMethod, "
            + "membership_number = :membershipNumber, form_answers_json = :formAnswersJson, outer_str = :outerStr, "
            + "invalidation_reason = :invalidationReason, points = :points, balance = :balance, "
            + "last_sequence = :lastSequence, version = :version, activated_at = :activatedAt, updated_at = :updatedAt "
            + "WHERE tenant_id = :tenantId AND card_id = :cardId AND code = :code AND version = :expectedVersion";
    /** A ledger change: the totals alone, so the form answers are neither serialised nor rewritten. */
    private static final String UPDATE_TOTALS = "UPDATE memberships SET points = :points, balance = :balance, "
            + "last_sequence = :lastSequence, version = :version, updated_at = :updatedAt "
            + "WHERE tenant_id = :tenantId AND card_id = :cardId AND code = :code AND version = :expectedVersion";

    private final Sql sql;
    private final MembershipRowMapper mapper = new MembershipRowMapperImpl();

    JdbiMembershipStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Option<Membership> find(MembershipKey key) {
        return sql.withHandle(() -> "reading membership " + key, handle -> Option.ofOptional(handle
                .createQuery(SELECT + "WHERE tenant_id = :tenantId AND card_id = :cardId AND code = :code")
                .bind("tenantId", key.tenantId().value())
                .bind("cardId", key.cardId().value())
                .bind("code", key.code().value())
                .mapTo(MembershipRow.class)
                .findOne())
                .map(this::toMembership));
    }

    @Override
    public Option<Membership> findByOpenId(TenantId tenantId, CardId cardId, OpenId openId) {
        return sql.withHandle(() -> "reading the membership of an openid", handle -> Option.ofOptional(handle
                .createQuery(SELECT + "WHERE tenant_id = :tenantId AND card_id = :cardId AND open_id = :openId "
                        + "ORDER BY received_at DESC, code DESC LIMIT 1")
                .bind("tenantId", tenantId.value())
                .bind("cardId", cardId.value())
                .bind("openId", openId.value())
                .mapTo(MembershipRow.class)
                .findOne())
                .map(this::toMembership));
    }

    @Override
    public Membership save(Membership membership) {
        long version = membership.version();
        MembershipRow row = mapper.toRow(membership.snapshot(), version + 1);
        boolean saved = sql.withHandle(() -> "saving membership " + membership.key(), handle -> version == 0
                ? sql.insertUnlessPresent(handle, INSERT, () -> "saving membership " + membership.key(),
                        row::bindTo)
                : row.bindTo(handle.createUpdate(UPDATE)).bind("expectedVersion", version).execute() == 1);
        if (!saved) {
            throw version == 0
                    ? new ConcurrentUpdateException("membership " + membership.key()
                            + " is already stored; read it instead of receiving it again")
                    : stale(membership);
        }
        return toMembership(row);
    }

    @Override
    public Membership saveTotals(Membership membership) {
        MembershipSnapshot changed = membership.snapshot();
        MembershipKey key = membership.key();
        boolean saved = membership.version() > 0 && sql.withHandle(() -> "saving the totals of membership " + key,
                handle -> handle.createUpdate(UPDATE_TOTALS)
                        .bind("points", changed.totals().points().value())
                        .bind("balance", changed.totals().balance().value())
                        .bind("lastSequence", changed.totals().lastSequence())
                        .bind("version", changed.version() + 1)
                        .bind("updatedAt", changed.updatedAt())
                        .bind("tenantId", key.tenantId().value())
                        .bind("cardId", key.cardId().value())
                        .bind("code", key.code().value())
                        .bind("expectedVersion", changed.version())
                        .execute() == 1);
        if (!saved) {
            throw stale(membership);
        }
        return Membership.reconstitute(changed.toBuilder().version(changed.version() + 1).build());
    }

    @Override
    public Map<Code, Membership> findAll(TenantId tenantId, CardId cardId, Collection<Code> codes) {
        Map<Code, Membership> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        sql.withHandle(() -> "reading " + codes.size() + " memberships of card " + cardId, handle -> handle
                .createQuery(SELECT + "WHERE tenant_id = :tenantId AND card_id = :cardId AND code IN (<codes>)")
                .bind("tenantId", tenantId.value())
                .bind("cardId", cardId.value())
                .bindList("codes", codes.stream().map(Code::value).toList())
                .mapTo(MembershipRow.class)
                .map(this::toMembership)
                .list())
                .forEach(membership -> found.put(membership.code(), membership));
        return found;
    }

    /** One {@link PreparedBatch} of {@link #UPDATE_TOTALS}; a count other than 1 is a stale version. */
    @Override
    public List<Membership> saveTotalsAll(List<Membership> changed) {
        if (changed.isEmpty()) {
            return List.of();
        }
        int[] counts = sql.withHandle(() -> "saving the totals of " + changed.size() + " memberships", handle -> {
            PreparedBatch update = handle.prepareBatch(UPDATE_TOTALS);
            for (Membership membership : changed) {
                MembershipSnapshot s = membership.snapshot();
                MembershipKey key = membership.key();
                update.bind("points", s.totals().points().value())
                        .bind("balance", s.totals().balance().value())
                        .bind("lastSequence", s.totals().lastSequence())
                        .bind("version", s.version() + 1)
                        .bind("updatedAt", s.updatedAt())
                        .bind("tenantId", key.tenantId().value())
                        .bind("cardId", key.cardId().value())
                        .bind("code", key.code().value())
                        .bind("expectedVersion", s.version())
                        .add();
            }
            return update.execute();
        });
        List<Membership> saved = new ArrayList<>(changed.size());
        for (int i = 0; i < changed.size(); i++) {
            Membership membership = changed.get(i);
            if (counts[i] != 1 || membership.version() == 0) {
                throw stale(membership);
            }
            saved.add(Membership.reconstitute(membership.snapshot().toBuilder().version(membership.version() + 1)
                    .build()));
        }
        return saved;
    }

    private static ConcurrentUpdateException stale(Membership membership) {
        return new ConcurrentUpdateException("membership " + membership.key() + " was changed by someone else "
                + "(version " + membership.version() + " is stale) or is not stored; read it again");
    }

    @Override
    public Page<Membership> list(TenantId tenantId, CardId cardId, Option<MembershipState> state, PageRequest page) {
        String from = "FROM memberships WHERE tenant_id = :tenantId AND card_id = :cardId"
                + (state.isDefined() ? " AND state = :state" : "");
        return sql.withHandle(() -> "listing memberships", handle -> Paging.page(handle, MembershipRow.COLUMNS, from,
                "ORDER BY received_at, code",
                query -> {
                    query.bind("tenantId", tenantId.value());
                    query.bind("cardId", cardId.value());
                    state.forEach(wanted -> query.bind("state", wanted.name()));
                }, MembershipRow.class, this::toMembership, page));
    }

    /** The membership as stored: read back through the same mapping a find uses. */
    private Membership toMembership(MembershipRow row) {
        return Membership.reconstitute(mapper.toSnapshot(row));
    }
}
