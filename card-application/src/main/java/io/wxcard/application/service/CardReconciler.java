package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ReconcileCardUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.wechat.MemberInfo;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.TotalsCheck.Verdict;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipChange;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile job: for each of a card's members, WeChat's view ({@code userinfo/get}) against ours. Totals are
 * settled by {@link TotalsReconciler}; a status WeChat shows and we missed (a push lost for good) is taken from WeChat
 * when only the member or WeChat can cause it (deleting or restoring the card in the wallet, gifting it, WeChat making
 * the code unavailable), and sent again when it is the merchant's decision WeChat missed (an invalidation). EXPIRE is
 * not a state here (the card's validity is WeChat's to enforce): nothing is repaired for it.
 */
final class CardReconciler implements ReconcileCardUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(CardReconciler.class);
    private static final int PAGE = 100;

    private final TenantStore tenants;
    private final CardStore cards;
    private final MembershipStore memberships;
    private final WechatMemberCards wechat;
    private final TotalsReconciler totals;
    private final OutboxWriter outbox;
    private final Lookups lookups;
    private final UnitOfWork unitOfWork;
    private final EventPublisher events;
    private final Clock clock;

    CardReconciler(TenantStore tenants, CardStore cards, MembershipStore memberships, WechatMemberCards wechat, TotalsReconciler totals,
                   OutboxWriter outbox, Lookups lookups, UnitOfWork unitOfWork, Clock clock, EventPublisher events) {
        this.events = events;
        this.tenants = tenants;
        this.cards = cards;
        this.memberships = memberships;
        this.wechat = wechat;
        this.totals = totals;
        this.outbox = outbox;
        this.lookups = lookups;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Either<Failure, ReconcileReport> reconcile(ReconcileCardCommand command) {
        TenantId tenantId = command.tenantId();
        return lookups.card(tenantId, command.cardId())
                .flatMap(card -> rejected(card.checkOnWechat()))
                .flatMap(wechatCardId -> lookups.account(tenantId).map(account -> {
                    Tally tally = new Tally();
                    Page<Membership> page;
                    int offset = 0;
                    do {
                        page = memberships.list(tenantId, command.cardId(), Option.none(), new PageRequest(offset, PAGE));
                        page.items().forEach(membership -> compare(account, wechatCardId, membership, tally));
                        offset += page.items().size();
                    } while (!page.items().isEmpty() && offset < page.total());
                    ReconcileReport report = tally.report();
                    LOG.info("reconciled card {} of tenant {}: {} checked, {} in step, {} repaired, {} failed",
                            command.cardId(), tenantId, report.checked(), report.inStep(), report.repaired().size(),
                            report.failed().size());
                    return report;
                }));
    }

    @Override
    public ReconcileReport reconcileEveryCard() {
        ReconcileReport all = new ReconcileReport(0, 0, List.of(), List.of());
        for (Tenant tenant : tenants.list()) {
            Page<Card> page;
            int offset = 0;
            do {
                page = cards.list(tenant.id(), Option.none(), new PageRequest(offset, PAGE));
                for (Card card : page.items()) {
                    if (card.wechatCardId().isDefined()) {
                        all = all.plus(reconcile(new ReconcileCardCommand(tenant.id(), card.id())).fold(
                                failure -> new ReconcileReport(0, 0, List.of(), List.of(failure.detail())),
                                report -> named(card, report)));
                    }
                }
                offset += page.items().size();
            } while (!page.items().isEmpty() && offset < page.total());
        }
        return all;
    }

    private static ReconcileReport named(Card card, ReconcileReport report) {
        return new ReconcileReport(report.checked(), report.inStep(),
                report.repaired().stream().map(line -> "card " + card.id() + " " + line).toList(),
                report.failed().stream().map(line -> "card " + card.id() + " " + line).toList());
    }

    private void compare(WechatAccount account, WechatCardId wechatCardId, Membership listed, Tally tally) {
        MembershipKey key = listed.key();
        if (listed.state() == MembershipState.GIFTED) {
            return; // its code no longer exists on WeChat ("invalid serial code"): nothing to compare
        }
        tally.checked++;
        String code = "code " + key.code();
        try {
            var read = wechat.memberInfo(account, wechatCardId, key.code());
            if (read.isLeft()) {
                tally.failed.add(code + ": WeChat answered " + read.getLeft().code() + " (" + read.getLeft().message() + ")");
                return;
            }
            MemberInfo info = read.get();
            Either<Failure, Option<String>> status = status(key, info.userCardStatus());
            if (status.isLeft()) {
                tally.failed.add(code + ": " + status.getLeft().detail());
                return;
            }
            List<String> done = new ArrayList<>(status.get().toJavaList());
            Membership membership = lookups.membership(key).get();
            if (membership.state() == MembershipState.ACTIVATED) {
                Either<Failure, Verdict> verdict = totals.settle(key, info, Option.none());
                if (verdict.isLeft()) {
                    tally.failed.add(code + ": " + verdict.getLeft().detail());
                    return;
                }
                if (!(verdict.get() instanceof Verdict.InStep || verdict.get() instanceof Verdict.SyncOnItsWay)) {
                    done.add(verdict.get().describe());
                }
            }
            if (done.isEmpty()) {
                tally.inStep++;
            } else {
                tally.repaired.add(code + ": " + String.join("; ", done));
            }
        } catch (RuntimeException technical) {
            LOG.warn("reconciling {} of card {} failed: {}", key.code(), key.cardId(), technical.toString());
            tally.failed.add(code + ": technical failure (" + technical.getClass().getSimpleName() + ")");
        }
    }

    /** Repairs a status WeChat shows that we missed; answers what was done, if anything. */
    private Either<Failure, Option<String>> status(MembershipKey key, String onWechat) {
        return unitOfWork.run("membership " + key.code(), () -> lookups.membership(key).flatMap(ours -> {
            MembershipState state = ours.state();
            boolean holding = state == MembershipState.ISSUED || state == MembershipState.ACTIVATED;
            if ("DELETE".equals(onWechat) && holding) {
                return saved(ours, ours.deletedByMember(clock.now()), "deleted by the member on WeChat");
            }
            if ("NORMAL".equals(onWechat) && state == MembershipState.DELETED) {
                return saved(ours, ours.restoredByMember(clock.now()), "restored by the member on WeChat");
            }
            if ("UNAVAILABLE".equals(onWechat) && holding) {
                // WeChat made the code unusable for good: recorded as it is, nothing sent back.
                return saved(ours, ours.invalidate(new Reason("made unavailable on WeChat"), clock.now()),
                        "made unavailable on WeChat");
            }
            if ("GIFTING".equals(onWechat) && holding) {
                return saved(ours, ours.gifting().started(clock.now()), "being given to a friend on WeChat");
            }
            if (("NORMAL".equals(onWechat) || "GIFT_TIMEOUT".equals(onWechat)) && state == MembershipState.GIFTING) {
                return saved(ours, ours.gifting().returned(clock.now()), "the gift came back on WeChat");
            }
            if ("GIFT_SUCC".equals(onWechat) && (holding || state == MembershipState.GIFTING)) {
                return saved(ours, ours.gifting().givenAway(clock.now()), "given to a friend on WeChat (the friend's new"
                        + " code is recorded when its user_get_card arrives)");
            }
            if (state == MembershipState.INVALIDATED && !"UNAVAILABLE".equals(onWechat)) {
                outbox.enqueue(new OutboxTask.InvalidateOnWechat(key.tenantId(), key.cardId(), key.code(),
                        ours.snapshot().invalidationReason().getOrElse("invalidated")));
                return Either.right(Option.of("invalidated here but " + onWechat + " on WeChat: sent again"));
            }
            return Either.right(Option.none());
        }));
    }

    /** Saves what WeChat showed, and tells of it like any other change (the events table, same transaction). */
    private Either<Failure, Option<String>> saved(Membership before, Either<Rejection, MembershipChange> change,
                                                  String what) {
        return rejected(change).map(done -> {
            if (done.changed()) {
                events.membershipChanged(Option.of(before), memberships.save(done.membership()));
            }
            return Option.of(what);
        });
    }

    private static final class Tally {
        int checked;
        int inStep;
        final List<String> repaired = new ArrayList<>();
        final List<String> failed = new ArrayList<>();

        ReconcileReport report() {
            return new ReconcileReport(checked, inStep, repaired, failed);
        }
    }
}
