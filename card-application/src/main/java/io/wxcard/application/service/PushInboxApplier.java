package io.wxcard.application.service;

import io.vavr.control.Either;
import io.wxcard.application.port.in.ApplyWechatPushesUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.InboxEntry;
import io.wxcard.application.port.out.store.InboxMessage;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.application.port.out.wechat.push.DecodedPush;
import io.wxcard.application.port.out.wechat.push.PushCredentials;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.application.port.out.wechat.push.WechatPushDecoder;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the pushes {@link WechatPushService} kept in the inbox. Each row is handled and marked applied (or refused,
 * for a business reason) in one transaction, and the mark holds only while this worker holds the claim: a worker whose
 * lease ran out rolls back, so a push is never applied twice. A technical failure changes nothing and offers the row
 * again after {@link RetryBackOff}; after {@link #MAX_ATTEMPTS} it is set aside as dead, for an operator.
 */
final class PushInboxApplier implements ApplyWechatPushesUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(PushInboxApplier.class);
    static final Duration LEASE = Duration.ofMinutes(2);
    static final int MAX_ATTEMPTS = 12;

    private final InboxStore inbox;
    private final TenantStore tenants;
    private final TransactionBoundary transactions;
    private final WechatPushDecoder decoder;
    private final WechatEventService events;
    private final Clock clock;
    private final String workerName;

    PushInboxApplier(InboxStore inbox, TenantStore tenants, TransactionBoundary transactions,
                     WechatPushDecoder decoder, WechatEventService events, Clock clock, String workerName) {
        this.inbox = inbox;
        this.tenants = tenants;
        this.transactions = transactions;
        this.decoder = decoder;
        this.events = events;
        this.clock = clock;
        this.workerName = workerName;
    }

    private enum Result { APPLIED, REFUSED, RETRIED, DEAD, LOST }

    /** Thrown inside the apply transaction to undo it: another worker holds the row now. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost(String id) {
            super("the claim on inbox row " + id + " ran out", null, false, false);
        }
    }

    @Override
    public ApplyReport applyDue(int limit) {
        List<InboxMessage> claimed = inbox.claim(workerName, limit, clock.now(), LEASE);
        int applied = 0;
        int refused = 0;
        int retried = 0;
        int dead = 0;
        for (InboxMessage message : claimed) {
            switch (apply(message)) {
                case APPLIED -> applied++;
                case REFUSED -> refused++;
                case RETRIED -> retried++;
                case DEAD -> dead++;
                case LOST -> { }
            }
        }
        return new ApplyReport(claimed.size(), applied, refused, retried, dead);
    }

    private Result apply(InboxMessage message) {
        InboxEntry entry = message.entry();
        try {
            return transactions.inTransaction(() -> {
                Either<String, String> outcome = handle(entry);
                boolean held = outcome.fold(reason -> inbox.refused(entry.id(), workerName, reason),
                        account -> inbox.applied(entry.id(), workerName, account));
                if (!held) {
                    throw new ClaimLost(entry.id());
                }
                LOG.info("push for tenant {}: {}", entry.tenantId(), outcome.fold(reason -> reason, account -> account));
                return outcome.isRight() ? Result.APPLIED : Result.REFUSED;
            });
        } catch (ClaimLost lost) {
            LOG.warn("{}; the worker holding it now applies it", lost.getMessage());
            return Result.LOST;
        } catch (RuntimeException technical) {
            String error = "technical failure: " + technical.getClass().getSimpleName() + ": " + technical.getMessage();
            if (message.attempts() + 1 >= MAX_ATTEMPTS) {
                LOG.error("push {} for tenant {} is dead after {} attempts: {}", entry.id(), entry.tenantId(),
                        message.attempts() + 1, error);
                inbox.deadLetter(entry.id(), workerName, error);
                return Result.DEAD;
            }
            LOG.warn("push {} for tenant {} could not be applied now: {}", entry.id(), entry.tenantId(), error);
            inbox.retryLater(entry.id(), workerName, clock.now().plus(RetryBackOff.after(message.attempts())), error);
            return Result.RETRIED;
        }
    }

    /** @return what was done, or why nothing was (a business refusal) */
    private Either<String, String> handle(InboxEntry entry) {
        var tenant = tenants.find(entry.tenantId());
        if (tenant.isEmpty()) {
            return Either.left("tenant " + entry.tenantId() + " no longer exists");
        }
        var decoded = decoder.decode(PushCredentials.of(tenant.get()), entry.push(), entry.receivedAt());
        if (decoded.isLeft()) { // the tenant's push credentials changed since the push was verified
            return Either.left("no longer verifies: " + decoded.getLeft().reason() + " (" + decoded.getLeft().detail() + ")");
        }
        if (!(decoded.get() instanceof DecodedPush.Event pushed)) {
            return Either.right("nothing to apply for a " + decoded.get().getClass().getSimpleName());
        }
        WechatEvent event = pushed.event();
        return handleRefusingBadInput(entry.tenantId(), event)
                .mapLeft(failure -> event.header().event() + " not acted on: " + failure.detail());
    }

    /** A field WeChat sent that our value objects refuse (an odd openid, say) is a business refusal, not an outage. */
    private Either<Failure, String> handleRefusingBadInput(TenantId tenantId, WechatEvent event) {
        try {
            return events.handle(tenantId, event);
        } catch (IllegalArgumentException badInput) {
            return Either.left(new Failure.NotFound("a valid value in the push (" + badInput.getMessage() + ")"));
        }
    }

    @Override
    public Page<InboxMessage> deadPushes(PageRequest page) {
        return inbox.deadLetters(page);
    }

    @Override
    public boolean retryPush(String inboxId) {
        return inbox.revive(inboxId, clock.now());
    }
}
