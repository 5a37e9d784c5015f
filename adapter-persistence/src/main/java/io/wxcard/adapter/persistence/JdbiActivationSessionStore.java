package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ActivationSessionStore;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.domain.activation.ActivationSession;
import io.wxcard.domain.activation.ActivationSessionId;
import io.wxcard.domain.activation.SessionActivation;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link ActivationSessionStore} on the {@code activation_sessions} table; an activation is set once. */
final class JdbiActivationSessionStore implements ActivationSessionStore {

    private static final String COLUMNS = "id, tenant_id, card_id, code, open_id, activate_ticket, answers_json, "
            + "opened_at, expires_at, membership_number, opening_points, opening_balance, activated_at";
    private static final String INSERT = "INSERT INTO activation_sessions (id, tenant_id, card_id, code, open_id, "
            + "activate_ticket, answers_json, opened_at, expires_at) VALUES (:id, :tenantId, :cardId, :code, :openId, "
            + ":ticket, :answers, :openedAt, :expiresAt)";

    private final Sql sql;

    JdbiActivationSessionStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void add(ActivationSession session) {
        String what = "adding activation session " + session.id();
        boolean added = sql.withHandle(() -> what, handle -> sql.insertUnlessPresent(handle, INSERT, () -> what,
                insert -> insert.bind("id", session.id().value())
                        .bind("tenantId", session.tenantId().value())
                        .bind("cardId", session.cardId().value())
                        .bind("code", session.membership().code().value())
                        .bind("openId", session.openId().value())
                        .bind("ticket", session.activateTicket().getOrNull())
                        .bind("answers", Json.write(session.formAnswers()))
                        .bind("openedAt", session.openedAt())
                        .bind("expiresAt", session.expiresAt())));
        if (!added) {
            throw new ConcurrentUpdateException(what + ": its id is already stored");
        }
    }

    @Override
    public boolean recordActivation(ActivationSession activated) {
        if (activated.activation().isEmpty()) {
            return false;
        }
        SessionActivation done = activated.activation().get();
        return sql.withHandle(() -> "recording the activation of session " + activated.id(), handle -> handle
                .createUpdate("UPDATE activation_sessions SET membership_number = :number, opening_points = :points, "
                        + "opening_balance = :balance, activated_at = :activatedAt "
                        + "WHERE id = :id AND tenant_id = :tenantId AND activated_at IS NULL")
                .bind("number", done.membershipNumber().value())
                .bind("points", done.openingPoints().map(Points::value).getOrNull())
                .bind("balance", done.openingBalance().map(Fen::value).getOrNull())
                .bind("activatedAt", done.activatedAt())
                .bind("id", activated.id().value())
                .bind("tenantId", activated.tenantId().value())
                .execute()) == 1;
    }

    @Override
    public Option<ActivationSession> find(TenantId tenantId, ActivationSessionId id) {
        return sql.withHandle(() -> "reading activation session " + id, handle -> Option.ofOptional(handle
                .createQuery("SELECT " + COLUMNS + " FROM activation_sessions WHERE id = :id AND tenant_id = :tenantId")
                .bind("id", id.value())
                .bind("tenantId", tenantId.value())
                .map(JdbiActivationSessionStore::read)
                .findOne()));
    }

    private static ActivationSession read(ResultSet rs, StatementContext context) throws SQLException {
        String number = rs.getString("membership_number");
        Option<SessionActivation> activation = number == null ? Option.none() : Option.of(new SessionActivation(
                new MembershipNumber(number), Option.of(rs.getObject("opening_points", Long.class)).map(Points::of),
                Option.of(rs.getObject("opening_balance", Long.class)).map(Fen::of),
                UtcInstants.read(rs, "activated_at")));
        return new ActivationSession(new ActivationSessionId(rs.getString("id")),
                new MembershipKey(new TenantId(rs.getString("tenant_id")), new CardId(rs.getString("card_id")),
                        new Code(rs.getString("code"))), new OpenId(rs.getString("open_id")),
                Option.of(rs.getString("activate_ticket")), Json.readStrings(rs.getString("answers_json")),
                UtcInstants.read(rs, "opened_at"), UtcInstants.read(rs, "expires_at"), activation);
    }
}
