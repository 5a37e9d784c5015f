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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link CardStore} on the {@code cards} table. An update names the version it read ({@code WHERE version = ?}); a
 * duplicate id or WeChat card_id on insert breaks a key. Either way the store answers
 * {@link ConcurrentUpdateException}.
 *
 * <p>Every points change reads its card (for the offers it checks), so {@link #find} runs as a plain JDBC statement
 * (see {@link Database#jdbc}), and a card is made from its row's JSON documents only when the row differs from the one
 * it was last made from: the store keeps the last row read of each card with the card made of it ({@link Card} is
 * immutable, so one instance serves every caller). The whole row is compared, so any change shows, by any writer.
 */
final class JdbiCardStore implements CardStore {

    /** Cards kept with their rows; beyond this many, the store starts over (a card is kept again on its next read). */
    static final int CARDS_KEPT = 1024;

    private static final String SELECT = "SELECT " + CardRow.COLUMNS + " FROM cards ";
    private static final String FIND = SELECT + "WHERE id = ? AND tenant_id = ?";
    private static final String INSERT = "INSERT INTO cards (" + CardRow.COLUMNS + ") VALUES ("
            + CardRow.PARAMETERS + ")";
    private static final String UPDATE = "UPDATE cards SET definition_json = :definitionJson, state = :state, "
            + "wechat_card_id = :wechatCardId, refusal_reason = :refusalReason, first_issued_at = :firstIssuedAt, "
            + "activation_form_json = :activationFormJson, test_whitelist_json = :testWhitelistJson, "
            + "version = :version, updated_at = :updatedAt "
            + "WHERE id = :id AND tenant_id = :tenantId AND version = :expectedVersion";

    private final Database db;
    private final CardRowMapper mapper = new CardRowMapperImpl();
    private final Map<String, Made> made = new ConcurrentHashMap<>();

    /** A card and the row it was made from. */
    private record Made(CardRow row, Card card) {}

    JdbiCardStore(Database db) {
        this.db = db;
    }

    @Override
    public Option<Card> find(TenantId tenantId, CardId cardId) {
        return db.jdbc(() -> "reading card " + cardId, statements -> {
            PreparedStatement select = statements.prepared(FIND);
            select.setString(1, cardId.value());
            select.setString(2, tenantId.value());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Option.some(toCard(CardRow.readRow(rs))) : Option.<Card>none();
            }
        });
    }

    @Override
    public Option<Card> findByWechatCardId(TenantId tenantId, WechatCardId wechatCardId) {
        return db.call(() -> "reading WeChat card " + wechatCardId, handle -> Option.ofOptional(handle
                .createQuery(SELECT + "WHERE wechat_card_id = :wechatCardId AND tenant_id = :tenantId")
                .bind("wechatCardId", wechatCardId.value())
                .bind("tenantId", tenantId.value())
                .map(CardRow::read)
                .findOne())
                .map(this::toCard));
    }

    @Override
    public Card save(Card card) {
        CardRow stored = mapper.toRow(card.snapshot(), card.version() + 1);
        db.call(() -> "saving card " + card.id(), handle -> {
            if (card.version() == 0) {
                return stored.bindTo(handle.createUpdate(INSERT)).execute();
            }
            int updated = stored.bindTo(handle.createUpdate(UPDATE))
                    .bind("expectedVersion", card.version())
                    .execute();
            if (updated == 0) {
                throw new ConcurrentUpdateException("card " + card.id() + " was changed by someone else (version "
                        + card.version() + " is stale) or is not stored; read it again");
            }
            return updated;
        });
        return toCard(stored);
    }

    @Override
    public Page<Card> list(TenantId tenantId, Option<CardState> state, PageRequest page) {
        String from = "FROM cards WHERE tenant_id = :tenantId" + (state.isDefined() ? " AND state = :state" : "");
        return db.call("listing cards", handle -> Paging.page(handle, CardRow.COLUMNS, from, "ORDER BY created_at, id",
                query -> {
                    query.bind("tenantId", tenantId.value());
                    state.forEach(wanted -> query.bind("state", wanted.name()));
                }, CardRow::read, this::toCard, page));
    }

    /** The card as stored: read back through the same mapping a find uses (or the card last made of the same row). */
    private Card toCard(CardRow row) {
        Made last = made.get(row.id());
        if (last != null && last.row().equals(row)) {
            return last.card();
        }
        Card card = Card.reconstitute(mapper.toSnapshot(row));
        if (made.size() >= CARDS_KEPT) {
            made.clear();
        }
        made.put(row.id(), new Made(row, card));
        return card;
    }
}
