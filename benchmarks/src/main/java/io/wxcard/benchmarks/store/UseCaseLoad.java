package io.wxcard.benchmarks.store;

import io.vavr.control.Either;
import io.wxcard.application.port.in.ChangeLedgerUseCase;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.MembershipKey;
import java.util.concurrent.atomic.AtomicLong;

/** The product's path: {@code ChangeLedgerUseCase} over the {@code Persistence} stores. */
final class UseCaseLoad extends Load {

    private final ChangeLedgerUseCase ledger;

    UseCaseLoad(LedgerWorld world, int clients, AtomicLong succeeded) {
        super(world.memberships, clients, succeeded);
        this.ledger = world.app.changeLedger();
    }

    @Override
    boolean change(int client, MembershipKey membership, long points, String idempotencyKey) {
        Either<Failure, LedgerResult> result = ledger.change(new ChangeLedgerCommand(membership,
                LedgerChange.points(Points.of(points), "bench purchase", new IdempotencyKey(idempotencyKey),
                        EntrySource.MERCHANT, false)));
        if (result.isRight()) {
            return true;
        }
        if (result.getLeft() instanceof Failure.Conflict) {
            return false;
        }
        throw new IllegalStateException("a change was refused: " + result.getLeft());
    }
}
