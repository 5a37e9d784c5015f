package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.LoyaltyProgramStore;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.loyalty.LoyaltyProgram;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;

/** {@link LoyaltyProgramStore} on {@code loyalty_programs}: one JSON document per card ({@link LoyaltyDocuments}). */
final class JdbiLoyaltyProgramStore implements LoyaltyProgramStore {

    private static final String INSERT = "INSERT INTO loyalty_programs (tenant_id, card_id, document_json, updated_at) "
            + "VALUES (:tenantId, :cardId, :document, :updatedAt)";
    private static final String UPDATE = "UPDATE loyalty_programs SET document_json = :document, updated_at = :updatedAt "
            + "WHERE tenant_id = :tenantId AND card_id = :cardId";

    private final Sql sql;

    JdbiLoyaltyProgramStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Option<LoyaltyProgram> find(TenantId tenantId, CardId cardId) {
        return sql.withHandle(() -> "reading the loyalty set-up of card " + cardId, handle -> Option.ofOptional(handle
                .createQuery("SELECT document_json FROM loyalty_programs WHERE tenant_id = :tenantId "
                        + "AND card_id = :cardId")
                .bind("tenantId", tenantId.value())
                .bind("cardId", cardId.value())
                .mapTo(String.class)
                .findOne()
                .map(json -> LoyaltyDocuments.toProgram(tenantId, cardId,
                        Json.read(json, LoyaltyDocuments.Program.class)))));
    }

    @Override
    public void save(LoyaltyProgram program) {
        String document = Json.write(LoyaltyDocuments.of(program));
        Instant now = Instant.now();
        sql.inTransaction(() -> "saving the loyalty set-up of card " + program.cardId(), handle -> {
            boolean updated = handle.createUpdate(UPDATE).bind("tenantId", program.tenantId().value())
                    .bind("cardId", program.cardId().value()).bind("document", document).bind("updatedAt", now)
                    .execute() == 1;
            if (!updated && !sql.insertUnlessPresent(handle, INSERT, () -> "saving the loyalty set-up of card "
                    + program.cardId(), insert -> insert.bind("tenantId", program.tenantId().value())
                    .bind("cardId", program.cardId().value()).bind("document", document).bind("updatedAt", now))) {
                throw new ConcurrentUpdateException("the loyalty set-up of card " + program.cardId()
                        + " was saved at the same time by someone else; read it again");
            }
            return program;
        });
    }
}
