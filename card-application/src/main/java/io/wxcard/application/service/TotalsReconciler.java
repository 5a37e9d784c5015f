package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.fromWechat;
import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.wechat.MemberInfo;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.LedgerTotals;
import io.wxcard.domain.ledger.TotalsCheck;
import io.wxcard.domain.ledger.TotalsCheck.Totals;
import io.wxcard.domain.ledger.TotalsCheck.Verdict;
import io.wxcard.domain.ledger.WechatRange;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a membership's ledger and WeChat's totals together without ever looping: WeChat's totals are read
 * ({@code userinfo/get}) and judged by {@link TotalsCheck} against the ledger and the syncs still on their way; only
 * what those do not explain is booked, as a {@code WECHAT} entry that is never sent back. Used for every
 * {@code update_member_card} (which may echo our own {@code updateuser}) and by the reconcile job.
 */
final class TotalsReconciler {

    /** How many recent ledger states WeChat's totals are compared with. */
    static final int STATES_COMPARED = 100;

    private final LedgerStore ledger;
    private final OutboxStore outboxStore;
    private final OutboxWriter outbox;
    private final LedgerService ledgerService;
    private final WechatMemberCards wechat;
    private final Lookups lookups;
    private final UnitOfWork unitOfWork;

    TotalsReconciler(LedgerStore ledger, OutboxStore outboxStore, OutboxWriter outbox, LedgerService ledgerService,
                     WechatMemberCards wechat, Lookups lookups, UnitOfWork unitOfWork) {
        this.ledger = ledger;
        this.outboxStore = outboxStore;
        this.outbox = outbox;
        this.ledgerService = ledgerService;
        this.wechat = wechat;
        this.lookups = lookups;
        this.unitOfWork = unitOfWork;
    }

    /**
     * WeChat reported a change ({@code update_member_card}): nothing is booked now; WeChat's totals are compared
     * afterwards, through the outbox (the call needs WeChat, and is retried like every other).
     */
    Either<Failure, String> reported(TenantId tenantId, WechatCardId wechatCardId, Code code, long bonusDelta,
                                     long balanceDelta) {
        if (!WechatRange.holdsDelta(bonusDelta) || !WechatRange.holdsDelta(balanceDelta)) {
            return Either.left(new Failure.Rejected(Rejection.of(RejectionCode.LEDGER_CHANGE_INVALID, "WeChat reported "
                    + "a change of " + bonusDelta + " points and " + balanceDelta + " fen for " + code
                    + ", outside WeChat's own range (" + WechatRange.MAX + " either way); nothing was recorded")));
        }
        return lookups.cardOnWechat(tenantId, wechatCardId)
                .flatMap(card -> lookups.membership(new MembershipKey(tenantId, card.id(), code)))
                .map(membership -> {
                    outbox.enqueue(new OutboxTask.CheckMemberTotals(tenantId, membership.cardId(), code, bonusDelta,
                            balanceDelta));
                    return "membership " + code + ": WeChat reports " + bonusDelta + " points and " + balanceDelta
                            + " fen; its totals are compared with the ledger's next";
                });
    }

    /** Compares a membership's totals with WeChat's afterwards, through the outbox (no change was reported). */
    void compareLater(MembershipKey key) {
        outbox.enqueue(new OutboxTask.CheckMemberTotals(key.tenantId(), key.cardId(), key.code(), 0, 0));
    }

    /**
     * Reads WeChat's totals and settles them with the ledger. A {@link Failure.Conflict} means "ask again later"
     * (syncs on their way that nothing explains yet).
     *
     * @param reported the change WeChat reported, if an event asked for the check
     * @return what was found and done, for the log
     */
    Either<Failure, String> check(MembershipKey key, Option<Totals> reported) {
        return lookups.membership(key).flatMap(membership -> {
            if (membership.state() != MembershipState.ACTIVATED) { // WeChat changes totals of activated cards only
                return Either.right("membership " + key.code() + " is " + membership.state()
                        + "; its totals are not compared");
            }
            return lookups.card(key.tenantId(), key.cardId())
                    .flatMap(card -> rejected(card.checkOnWechat()))
                    .flatMap(cardId -> lookups.account(key.tenantId())
                            .flatMap(account -> fromWechat(wechat.memberInfo(account, cardId, key.code()))))
                    .flatMap(info -> settle(key, info, reported))
                    .map(verdict -> "totals of " + key.code() + ": " + verdict.describe());
        });
    }

    /** Judges and repairs with what WeChat showed, in one transaction over the membership read afresh. */
    Either<Failure, Verdict> settle(MembershipKey key, MemberInfo info, Option<Totals> reported) {
        Totals onWechat = new Totals(info.bonus().value(), info.balance().value());
        return unitOfWork.run("membership " + key.code(), () -> lookups.membership(key).flatMap(fresh -> {
            Verdict verdict = TotalsCheck.judge(onWechat, states(fresh), oldestUnsettledSync(key), reported);
            if (verdict instanceof Verdict.ChangedOnWechat changed) {
                String reason = reported.isDefined() ? "changed on WeChat" : "changed on WeChat (found by reconcile)";
                return ledgerService.bookChangeOnWechat(fresh, changed.change(), reason).map(booked -> {
                    if (changed.resync()) {
                        outbox.resync(key);
                    }
                    return verdict;
                });
            }
            if (verdict instanceof Verdict.WechatBehind) {
                outbox.resync(key);
            }
            if (verdict instanceof Verdict.Undecided) {
                return Either.left(new Failure.Conflict("membership " + key.code() + ": " + verdict.describe()));
            }
            return Either.right(verdict);
        }));
    }

    /** The membership's recent states, oldest first, ending with its current totals. */
    private List<LedgerTotals> states(Membership membership) {
        long last = membership.totals().lastSequence();
        int from = (int) Math.max(0, last - STATES_COMPARED);
        List<LedgerTotals> states = new ArrayList<>();
        if (from == 0) {
            states.add(LedgerTotals.EMPTY);
        }
        if (last > 0) {
            for (LedgerEntry entry : ledger.history(membership.key(), new PageRequest(from, STATES_COMPARED)).items()) {
                states.add(new LedgerTotals(entry.pointsAfter(), entry.balanceAfter(), entry.sequence()));
            }
        }
        if (states.isEmpty() || states.get(states.size() - 1).lastSequence() != last) {
            states.add(membership.totals()); // the store's totals are the truth for "now"
        }
        return states;
    }

    private Option<Long> oldestUnsettledSync(MembershipKey key) {
        String coalesceKey = new OutboxTask.SyncMemberTotals(key.tenantId(), key.cardId(), key.code(), 0)
                .coalesceKey().get();
        return Option.ofOptional(outboxStore.unsettled(key.tenantId(), coalesceKey).stream()
                .filter(OutboxTask.SyncMemberTotals.class::isInstance)
                .map(task -> ((OutboxTask.SyncMemberTotals) task).sequence())
                .min(Long::compare));
    }
}
