package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.TenantId;
import java.util.function.Supplier;

/**
 * {@link CardStore} on the {@code cards} table. An update names the version it read ({@code WHERE version =
 * :expectedVersion}); a duplicate id or WeChat card_id on insert breaks a key. Either way the store answers
 * {@link ConcurrentUpdateException}.
 */
final class JdbiCardStore implements CardStore {

    private static final String SELECT = "SELECT " + CardRow.COLUMNS + " FROM cards ";
    private static final String INSERT = "INSERT INTO cards (" + CardRow.COLUMNS + ") VALUES ("
            + CardRow.PARAMETERS + ")";
    private static final String UPDATE = "UPDATE cards SET definition_json = :definitionJson, state = :state, "
            + "wechat_card_id = :wechatCardId, refusal_reason = :refusalReason, first_issued_at = :firstIssuedAt, "
            + "activation_form_json = :activationFormJson, test_whitelist_json = :testWhitelistJson, "
            + "pay_brand_id = :payBrandId, pay_upgraded_at = :payUpgradedAt, "
            + "version = :version, updated_at = :updatedAt "
            + "WHERE id = :id AND tenant_id = :tenantId AND version = :expectedVersion";

    private final Sql sql;
    private final CardRowMapper mapper = new CardRowMapperImpl();

    JdbiCardStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Option<Card> find(TenantId tenantId, CardId cardId) {
        return findWhere(() -> "reading card " + cardId, "id = :id", cardId.value(), tenantId);
    }

    @Override
    public Option<Card> findByWechatCardId(TenantId tenantId, WechatCardId wechatCardId) {
        return findWhere(() -> "reading WeChat card " + wechatCardId, "wechat_card_id = :id", wechatCardId.value(),
                tenantId);
    }

    private Option<Card> findWhere(Supplier<String> what, String condition, String id, TenantId tenantId) {
        return sql.withHandle(what, handle -> Option.ofOptional(handle
                .createQuery(SELECT + "WHERE " + condition + " AND tenant_id = :tenantId")
                .bind("id", id)
                .bind("tenantId", tenantId.value())
                .mapTo(CardRow.class)
                .findOne())
                .map(this::toCard));
    }

    @Override
    public Card save(Card card) {
        CardRow row = mapper.toRow(card.snapshot(), card.version() + 1);
        Supplier<String> what = () -> "saving card " + card.id();
        boolean saved = sql.withHandle(what, handle -> card.version() == 0
                ? sql.insertUnlessPresent(handle, INSERT, what, row::bindTo)
                : row.bindTo(handle.createUpdate(UPDATE)).bind("expectedVersion", card.version()).execute() == 1);
        if (!saved) {
            throw new ConcurrentUpdateException(card.version() == 0
                    ? "saving card " + card.id() + ": it is already stored (a duplicate id or WeChat card_id)"
                    : "card " + card.id() + " was changed by someone else (version " + card.version()
                            + " is stale) or is not stored; read it again");
        }
        return toCard(row);
    }

    @Override
    public Page<Card> list(TenantId tenantId, Option<CardState> state, PageRequest page) {
        String from = "FROM cards WHERE tenant_id = :tenantId" + (state.isDefined() ? " AND state = :state" : "");
        return sql.withHandle(() -> "listing cards", handle -> Paging.page(handle, CardRow.COLUMNS, from,
                "ORDER BY created_at, id",
                query -> {
                    query.bind("tenantId", tenantId.value());
                    state.forEach(wanted -> query.bind("state", wanted.name()));
                }, CardRow.class, this::toCard, page));
    }

    /** The card as stored: read back through the same mapping a find uses. */
    private Card toCard(CardRow row) {
        return Card.reconstitute(mapper.toSnapshot(row));
    }
}
