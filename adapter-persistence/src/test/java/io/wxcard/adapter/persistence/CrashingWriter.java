package io.wxcard.adapter.persistence;

import static io.wxcard.application.testing.Fixtures.T0;

import io.wxcard.domain.shared.Reason;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;

/**
 * The process {@link CrashBehaviour} kills: commits one push key, then opens a transaction, writes a membership change,
 * a ledger entry, an outbox task and a push key, says so, and halts the JVM before committing.
 *
 * <p>Arguments: JDBC URL, user, password (both may be empty), tenant id, card id, code.
 */
final class CrashingWriter {

    static final String COMMITTED = "COMMITTED-BEFORE";
    static final String WROTE_UNCOMMITTED = "WROTE-WITHOUT-COMMITTING";
    static final String COMMITTED_PUSH = "committed-before-the-crash";
    static final String UNCOMMITTED_PUSH = "recorded-in-the-killed-transaction";
    static final int HALT_STATUS = 9;

    private CrashingWriter() {}

    public static void main(String[] args) {
        DatabaseSettings settings = new DatabaseSettings(args[0], emptyToNull(args[1]), emptyToNull(args[2]), 2);
        MembershipKey key = new MembershipKey(new TenantId(args[3]), new CardId(args[4]), new Code(args[5]));
        Persistence persistence = Persistence.start(settings);
        persistence.processedPushes().recordIfNew(key.tenantId(), COMMITTED_PUSH, T0);
        System.out.println(COMMITTED);
        persistence.transactions().inTransaction(() -> {
            Membership membership = persistence.memberships().find(key).get();
            persistence.memberships().save(membership.invalidate(new Reason("crash test"), T0.plusSeconds(60)).get().membership());
            persistence.ledger().append(key, new LedgerEntry(1, Asset.POINTS, 10, Points.of(10), Fen.ZERO, "crash",
                    new IdempotencyKey("crash-1"), EntrySource.MERCHANT, false, T0.plusSeconds(60)));
            persistence.outbox().enqueue("ob-crash", new OutboxTask.InvalidateOnWechat(key.tenantId(), key.cardId(),
                    key.code(), "crash test"), T0.plusSeconds(60));
            persistence.processedPushes().recordIfNew(key.tenantId(), UNCOMMITTED_PUSH, T0.plusSeconds(60));
            System.out.println(WROTE_UNCOMMITTED);
            System.out.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
            return null;
        });
        throw new IllegalStateException("unreachable: the JVM halted");
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
