package io.wxcard.application.service;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.DispatchOutboxUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.OutboxMessage;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.application.port.out.wechat.MemberUpdate;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardCatalog;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.LedgerTotals;
import io.wxcard.domain.ledger.TotalsCheck;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's tasks to WeChat. Every instance runs one; the store hands each task to one dispatcher at a time.
 * A task that fails for a reason that may pass (WeChat busy, over quota, unreachable) is offered again after an
 * exponential back-off; one that cannot succeed as it is (WeChat refused it) becomes a dead letter for an operator.
 * Each task is safe to send twice: totals are absolute, and "already done" answers count as done.
 *
 * <p>Keeping up with the ledger: the store hands out all pending syncs of a membership together and holds its later
 * ones back while they are in flight, so they become one {@code updateuser} with the latest totals (the busier a
 * membership, the fewer calls per change). Each round gives every tenant with due work an equal share of the claim,
 * and sends each tenant's calls on {@link #CALLS_IN_FLIGHT_PER_TENANT} lanes side by side, asynchronously: one
 * tenant's burst neither starves another nor holds a thread per call.
 */
final class OutboxDispatcher implements DispatchOutboxUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final Duration LEASE = Duration.ofMinutes(2);
    static final int MAX_ATTEMPTS = 12;
    /** A tenant's WeChat calls in flight at once from one dispatcher: well inside what WeChat lets one account do. */
    static final int CALLS_IN_FLIGHT_PER_TENANT = 8;

    private final OutboxStore outbox;
    private final MembershipStore memberships;
    private final LedgerStore ledger;
    private final WechatCardCatalog catalog;
    private final WechatMemberCards wechat;
    private final MembershipService membershipService;
    private final TotalsReconciler totals;
    private final PayTotalsSync payTotals;
    private final Lookups lookups;
    private final Clock clock;
    private final String dispatcherName;
    private final Map<Class<?>, java.util.function.Function<OutboxTask, Either<Failure, String>>> handlers =
            new java.util.concurrent.ConcurrentHashMap<>();

    OutboxDispatcher(OutboxStore outbox, MembershipStore memberships, LedgerStore ledger,
                     WechatCardCatalog catalog, WechatMemberCards wechat, MembershipService membershipService,
                     TotalsReconciler totals, Lookups lookups, Clock clock, String dispatcherName,
                     PayTotalsSync payTotals) {
        this.totals = totals;
        this.payTotals = payTotals;
        this.outbox = outbox;
        this.memberships = memberships;
        this.ledger = ledger;
        this.catalog = catalog;
        this.wechat = wechat;
        this.membershipService = membershipService;
        this.lookups = lookups;
        this.clock = clock;
        this.dispatcherName = dispatcherName;
    }

    @Override
    public DispatchReport dispatchDue(int limit) {
        Instant now = clock.now();
        List<TenantId> tenants = outbox.tenantsWithDueTasks(now);
        if (tenants.isEmpty()) {
            return new DispatchReport(0, 0, 0, 0);
        }
        int share = Math.max(1, limit / tenants.size());
        int claimed = 0;
        List<CompletableFuture<List<Delivery>>> lanes = new ArrayList<>();
        for (TenantId tenant : tenants) {
            List<OutboxMessage> messages = outbox.claim(dispatcherName, tenant, share, now, LEASE);
            claimed += messages.size();
            lanes.addAll(lanes(batches(messages)));
        }
        Map<Delivery, Long> tally = lanes.stream().flatMap(lane -> lane.join().stream())
                .collect(Collectors.groupingBy(delivery -> delivery, () -> new EnumMap<>(Delivery.class),
                        Collectors.counting()));
        return new DispatchReport(claimed, tally.getOrDefault(Delivery.SENT, 0L).intValue(),
                tally.getOrDefault(Delivery.RETRY, 0L).intValue(), tally.getOrDefault(Delivery.DEAD, 0L).intValue());
    }

    private enum Delivery { SENT, RETRY, DEAD }

    /** The claimed tasks as calls: the tasks sharing a coalesce key make one call, any other task its own. */
    private static List<List<OutboxMessage>> batches(List<OutboxMessage> messages) {
        Map<String, List<OutboxMessage>> byKey = new LinkedHashMap<>();
        for (OutboxMessage message : messages) {
            byKey.computeIfAbsent(message.task().coalesceKey().getOrElse(message.id()), key -> new ArrayList<>())
                    .add(message);
        }
        return List.copyOf(byKey.values());
    }

    /** Deals one tenant's calls to its lanes; each lane sends its calls one after the other. */
    private List<CompletableFuture<List<Delivery>>> lanes(List<List<OutboxMessage>> batches) {
        int count = Math.min(CALLS_IN_FLIGHT_PER_TENANT, batches.size());
        List<CompletableFuture<List<Delivery>>> lanes = new ArrayList<>();
        for (int lane = 0; lane < count; lane++) {
            CompletableFuture<List<Delivery>> calls = CompletableFuture.completedFuture(List.of());
            for (int next = lane; next < batches.size(); next += count) {
                List<OutboxMessage> batch = batches.get(next);
                calls = calls.thenCompose(done -> deliver(batch).thenApply(more -> concat(done, more)));
            }
            lanes.add(calls);
        }
        return lanes;
    }

    private static List<Delivery> concat(List<Delivery> a, List<Delivery> b) {
        List<Delivery> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    /** Sends one call for the batch, then settles every task in it alike. */
    private CompletableFuture<List<Delivery>> deliver(List<OutboxMessage> batch) {
        CompletableFuture<Either<Failure, String>> sent;
        try {
            sent = batch.get(0).task() instanceof OutboxTask.SyncMemberTotals
                    ? syncTotals(batch)
                    : CompletableFuture.completedFuture(send(batch.get(0).task()));
        } catch (RuntimeException technical) {
            sent = CompletableFuture.failedFuture(technical);
        }
        return sent.handle((result, failure) -> {
            Throwable technical = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : failure;
            if (technical == null && result.isRight()) { // the tasks of one call leave together: one write
                outbox.completed(batch.stream().map(OutboxMessage::id).toList(), dispatcherName);
                LOG.debug("outbox tasks {} done: {}", batch.stream().map(OutboxMessage::id).toList(), result.get());
                return Collections.nCopies(batch.size(), Delivery.SENT);
            }
            return batch.stream().map(message -> settle(message, result, technical)).toList();
        });
    }

    /** A task whose call failed: offered again later, or set aside. */
    private Delivery settle(OutboxMessage message, Either<Failure, String> result, Throwable technical) {
        if (technical != null) {
            LOG.warn("outbox task {} ({}) failed: {}", message.id(), message.task().kind(), technical.toString());
            return retryOrBury(message, "technical failure: " + technical.getClass().getSimpleName() + ": "
                    + technical.getMessage(), true);
        }
        Failure failure = result.getLeft();
        boolean mayPass = failure instanceof Failure.WechatFailed wechatFailed && wechatFailed.error().kind().worthRetryingLater()
                || failure instanceof Failure.Conflict;
        return retryOrBury(message, failure.detail(), mayPass);
    }

    private Delivery retryOrBury(OutboxMessage message, String error, boolean mayPass) {
        if (!mayPass || message.attempts() + 1 >= MAX_ATTEMPTS) {
            LOG.error("outbox task {} ({}) is a dead letter after {} attempts: {}", message.id(), message.task().kind(),
                    message.attempts() + 1, error);
            outbox.deadLetter(message.id(), dispatcherName, error);
            return Delivery.DEAD;
        }
        outbox.retryLater(message.id(), dispatcherName, clock.now().plus(RetryBackOff.after(message.attempts())), error);
        return Delivery.RETRY;
    }

    /** Sends the tasks of one type that another part of the application owns (the loyalty services' tasks). */
    <T extends OutboxTask> void handle(Class<T> type, java.util.function.Function<T, Either<Failure, String>> sender) {
        handlers.put(type, task -> sender.apply(type.cast(task)));
    }

    private Either<Failure, String> send(OutboxTask task) {
        var handler = handlers.get(task.getClass());
        if (handler != null) {
            return handler.apply(task);
        }
        if (task instanceof OutboxTask.InvalidateOnWechat invalidate) {
            return onWechatCard(invalidate.membershipKey(), (account, card) -> alreadyDoneIf(
                    wechat.makeUnavailable(account, card.wechatCardId().get(), invalidate.code(), invalidate.reason()),
                    WechatError.Kind.CONFLICT, "code " + invalidate.code() + " made unavailable"));
        }
        if (task instanceof OutboxTask.DeleteCardOnWechat delete) {
            return lookups.account(delete.tenantId()).flatMap(account -> alreadyDoneIf(
                    catalog.delete(account, delete.wechatCardId()), WechatError.Kind.NOT_FOUND,
                    "WeChat card " + delete.wechatCardId() + " deleted"));
        }
        if (task instanceof OutboxTask.CheckMemberTotals check) {
            return totals.check(check.membership(), Option.of(new TotalsCheck.Totals(check.reportedBonus(),
                    check.reportedBalance())));
        }
        OutboxTask.PullMemberInfo pull = (OutboxTask.PullMemberInfo) task;
        return membershipService.pull(new MembershipKey(pull.tenantId(), pull.cardId(), pull.code()))
                .map(membership -> "member info of " + pull.code() + " recorded");
    }

    /**
     * One call for all the pending syncs of a membership. It sends the ledger's totals as they are now, so a retried or
     * reordered call lands on the same totals; what it tells the member is what the coalesced entries changed (their
     * summed delta, their reasons in one line). A change committed meanwhile has a sync of its own, which the store
     * holds back until this call is settled, and which then carries the newer totals.
     */
    private CompletableFuture<Either<Failure, String>> syncTotals(List<OutboxMessage> batch) {
        MembershipKey key = ((OutboxTask.SyncMemberTotals) batch.get(0).task()).membership();
        Option<Membership> found = memberships.find(key);
        if (found.isEmpty() || found.get().state() != MembershipState.ACTIVATED) {
            return done(Either.right("membership " + key + " is no longer active; nothing to sync"));
        }
        LedgerTotals totals = found.get().totals();
        List<Long> sequences = batch.stream()
                .map(message -> ((OutboxTask.SyncMemberTotals) message.task()).sequence())
                .distinct()
                .toList();
        List<LedgerEntry> told = ledger.entries(key, sequences).stream() // one read for the whole batch
                .filter(entry -> entry.source().toldToMember())
                .toList();
        Either<Failure, Tuple2<WechatAccount, Card>> target = lookups.account(key.tenantId())
                .flatMap(account -> lookups.card(key.tenantId(), key.cardId()).map(card -> Tuple.of(account, card)));
        if (target.isLeft()) {
            return done(Either.left(target.getLeft()));
        }
        Card card = target.get()._2();
        boolean offersPoints = card.definition().supplyBonus();
        boolean offersBalance = card.definition().supplyBalance();
        if (card.wechatCardId().isEmpty()) {
            return done(Either.right("card " + card.id() + " is not on WeChat; nothing to send"));
        }
        if (!offersPoints && !offersBalance) {
            return done(Either.right("card " + card.id() + " offers neither points nor stored value; nothing to sync"));
        }
        Option<CoalescedChange> points = CoalescedChange.of(told, Asset.POINTS).filter(change -> offersPoints);
        Option<CoalescedChange> balance = CoalescedChange.of(told, Asset.BALANCE).filter(change -> offersBalance);
        MemberUpdate update = new MemberUpdate(card.wechatCardId().get(), key.code(),
                offersPoints ? Option.of(totals.points()) : Option.none(),
                offersBalance ? Option.of(totals.balance()) : Option.none(),
                points.map(CoalescedChange::delta), points.map(CoalescedChange::record),
                balance.map(CoalescedChange::delta), balance.map(CoalescedChange::record),
                points.exists(CoalescedChange::notifyMember), balance.exists(CoalescedChange::notifyMember));
        if (card.payUpgrade().isDefined()) { // WeChat Pay: the old interfaces stop updating an upgraded card
            return done(payTotals.sync(key, update, Collections.max(sequences)));
        }
        return wechat.updateMemberAsync(target.get()._1(), update).thenApply(answer -> answer
                .mapLeft(error -> (Failure) new Failure.WechatFailed(error))
                .map(sent -> "totals of " + key.code() + " synced (" + batch.size() + " changes): " + sent.bonus()
                        + ", " + sent.balance()));
    }

    private static CompletableFuture<Either<Failure, String>> done(Either<Failure, String> result) {
        return CompletableFuture.completedFuture(result);
    }

    private Either<Failure, String> onWechatCard(MembershipKey key,
                                                 java.util.function.BiFunction<WechatAccount, Card, Either<Failure, String>> call) {
        return lookups.account(key.tenantId()).flatMap(account -> lookups.card(key.tenantId(), key.cardId())
                .flatMap(card -> card.wechatCardId().isEmpty()
                        ? Either.<Failure, String>right("card " + card.id() + " is not on WeChat; nothing to send")
                        : call.apply(account, card)));
    }

    /** WeChat answers some repeats with an error ("already unavailable"): for a repeat, that means done. */
    private static Either<Failure, String> alreadyDoneIf(Either<WechatError, ?> call, WechatError.Kind alreadyDone,
                                                         String what) {
        if (call.isLeft() && call.getLeft().kind() == alreadyDone) {
            return Either.right(what + " (WeChat says it already was: " + call.getLeft().code() + ")");
        }
        return call.mapLeft(error -> (Failure) new Failure.WechatFailed(error)).map(done -> what);
    }
}
