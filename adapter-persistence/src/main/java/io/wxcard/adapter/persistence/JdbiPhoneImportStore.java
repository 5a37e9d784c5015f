package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.PhoneImportStore;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.Phone;
import java.time.Instant;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@link PhoneImportStore} on the {@code pay_phone_imports} table. The phone is personal data: no message this store
 * makes names it (the key alone), and SQL failures are translated without the values bound.
 */
final class JdbiPhoneImportStore implements PhoneImportStore {

    private static final String WHERE = " WHERE tenant_id = :tenantId AND card_id = :cardId AND code = :code";

    private final Sql sql;

    JdbiPhoneImportStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void keep(MembershipKey membership, Phone phone, Instant importedAt) {
        String what = "keeping the imported phone of " + membership;
        sql.inTransaction(() -> what, handle -> {
            int updated = key(handle.createUpdate("UPDATE pay_phone_imports SET phone = :phone, "
                    + "imported_at = :importedAt" + WHERE), membership)
                    .bind("phone", phone.value()).bind("importedAt", importedAt).execute();
            // Two imports of one code at once: the insert that loses finds the row and the update then wins.
            if (updated == 0 && !sql.insertUnlessPresent(handle, "INSERT INTO pay_phone_imports (tenant_id, card_id, "
                    + "code, phone, imported_at) VALUES (:tenantId, :cardId, :code, :phone, :importedAt)", () -> what,
                    insert -> key(insert, membership).bind("phone", phone.value()).bind("importedAt", importedAt))) {
                key(handle.createUpdate("UPDATE pay_phone_imports SET phone = :phone, imported_at = :importedAt"
                        + WHERE), membership).bind("phone", phone.value()).bind("importedAt", importedAt).execute();
            }
            return null;
        });
    }

    @Override
    public Option<Phone> find(MembershipKey membership) {
        return sql.withHandle(() -> "reading the imported phone of " + membership, handle -> Option.ofOptional(
                key(handle.createQuery("SELECT phone FROM pay_phone_imports" + WHERE), membership)
                        .mapTo(String.class).findOne()).map(Phone::new));
    }

    @Override
    public void forget(MembershipKey membership) {
        sql.withHandle(() -> "forgetting the imported phone of " + membership, handle -> key(handle.createUpdate(
                "DELETE FROM pay_phone_imports" + WHERE), membership).execute());
    }

    private static <S extends SqlStatement<S>> S key(S statement, MembershipKey membership) {
        return statement.bind("tenantId", membership.tenantId().value())
                .bind("cardId", membership.cardId().value())
                .bind("code", membership.code().value());
    }
}
