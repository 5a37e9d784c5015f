package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.wxcard.application.port.in.ChangeLedgerUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.ledger.WechatRange;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Points and stored value. A change lands in the ledger and the membership's totals in one transaction, together with
 * the outbox task that brings WeChat in line; WeChat is never asked first, so a slow or failing WeChat never loses or
 * doubles a change.
 */
final class LedgerService implements ChangeLedgerUseCase {

    private final MembershipStore memberships;
    private final LedgerStore ledger;
    private final OutboxWriter outbox;
    private final Lookups lookups;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final EventPublisher events;

    LedgerService(MembershipStore memberships, LedgerStore ledger, OutboxWriter outbox, Lookups lookups,
                  UnitOfWork unitOfWork, Clock clock, EventPublisher events) {
        this.events = events;
        this.memberships = memberships;
        this.ledger = ledger;
        this.outbox = outbox;
        this.lookups = lookups;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Either<Failure, LedgerResult> change(ChangeLedgerCommand command) {
        MembershipKey key = command.membership();
        return unitOfWork.run("membership " + key.code(), () -> lookups.card(key.tenantId(), key.cardId())
                .flatMap(card -> rejected(card.checkOffers(command.change().asset())))
                .flatMap(card -> lookups.membership(key))
                .flatMap(membership -> apply(membership, command.change())));
    }

    /**
     * Records what WeChat reports happened on its side ({@code update_member_card}), then syncs the totals back, so
     * that a sync of ours that crossed the change on the way cannot leave WeChat behind.
     *
     * @param pushKey what identifies the push, so that the entries are recorded once however often it arrives
     */
    Either<Failure, Membership> recordReportedByWechat(MembershipKey key, long bonusDelta, long balanceDelta,
                                                       String pushKey) {
        if (!WechatRange.holdsDelta(bonusDelta) || !WechatRange.holdsDelta(balanceDelta)) {
            return Either.left(new Failure.Rejected(Rejection.of(RejectionCode.LEDGER_CHANGE_INVALID, "WeChat reported "
                    + "a change of " + bonusDelta + " points and " + balanceDelta + " fen for " + key.code()
                    + ", outside WeChat's own range (" + WechatRange.MAX + " either way); nothing was recorded")));
        }
        return unitOfWork.run("membership " + key.code(), () -> {
            Either<Failure, Membership> result = lookups.membership(key);
            if (bonusDelta != 0) {
                result = result.flatMap(m -> apply(m, LedgerChange.points(Points.of(bonusDelta),
                        "changed on WeChat", externalKey(pushKey, "bonus"), EntrySource.WECHAT, false))
                        .map(LedgerResult::membership));
            }
            if (balanceDelta != 0) {
                result = result.flatMap(m -> apply(m, LedgerChange.balance(Fen.of(balanceDelta),
                        "changed on WeChat", externalKey(pushKey, "balance"), EntrySource.WECHAT, false))
                        .map(LedgerResult::membership));
            }
            return result;
        });
    }

    private Either<Failure, LedgerResult> apply(Membership membership, LedgerChange change) {
        return rejected(membership.record(change, ledger.findByKey(membership.key(), change.key()), clock.now()))
                .map(result -> {
                    if (result.replayed()) {
                        return result;
                    }
                    Membership saved = memberships.saveTotals(result.membership());
                    ledger.append(membership.key(), result.entry());
                    outbox.membershipChanged(membership.tenantId(), result.events());
                    events.ledgerRecorded(saved, result.entry());
                    return new LedgerResult(saved, result.entry(), false);
                });
    }

    /** Idempotency keys are at most 128 characters; a push key can be longer, so it is hashed. */
    private static IdempotencyKey externalKey(String pushKey, String asset) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pushKey.getBytes(StandardCharsets.UTF_8));
            return new IdempotencyKey("wechat-" + asset + "-" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
