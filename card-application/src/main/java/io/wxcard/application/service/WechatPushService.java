package io.wxcard.application.service;

import io.vavr.control.Either;
import io.wxcard.application.port.in.AcceptWechatPushUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.ProcessedPushStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.application.port.out.wechat.push.DecodedPush;
import io.wxcard.application.port.out.wechat.push.PushCredentials;
import io.wxcard.application.port.out.wechat.push.PushRejection;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.application.port.out.wechat.push.WechatPushDecoder;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a push, then records its key and handles it in one transaction: a push WeChat retries (or delivers to two
 * instances) finds its key already recorded and is answered without being handled again. A push whose handling is
 * refused for business reasons (an unknown card, a late review result) is still recorded as handled: retrying it would
 * be refused the same way. A technical failure records nothing, so WeChat's retry gets another chance.
 */
final class WechatPushService implements AcceptWechatPushUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(WechatPushService.class);

    private final TenantStore tenants;
    private final ProcessedPushStore processed;
    private final TransactionBoundary transactions;
    private final WechatPushDecoder decoder;
    private final WechatEventService events;
    private final Clock clock;

    WechatPushService(TenantStore tenants, ProcessedPushStore processed, TransactionBoundary transactions,
                      WechatPushDecoder decoder, WechatEventService events, Clock clock) {
        this.tenants = tenants;
        this.processed = processed;
        this.transactions = transactions;
        this.decoder = decoder;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public PushOutcome accept(TenantId tenantId, PushRequest request) {
        var tenant = tenants.find(tenantId);
        if (tenant.isEmpty()) {
            return new PushOutcome.UnknownTenant(tenantId);
        }
        Either<PushRejection, DecodedPush> decoded = decoder.decode(PushCredentials.of(tenant.get()), request, clock.now());
        if (decoded.isLeft()) {
            LOG.warn("refused a push for tenant {}: {} ({})", tenantId, decoded.getLeft().reason(), decoded.getLeft().detail());
            return new PushOutcome.Refused(decoded.getLeft());
        }
        DecodedPush push = decoded.get();
        if (push instanceof DecodedPush.Handshake handshake) {
            return new PushOutcome.Echo(handshake.echostr());
        }
        if (push instanceof DecodedPush.Message message) {
            String key = "msg|" + message.msgId().getOrElse(message.fromUserName() + "|" + message.createTime());
            boolean first = transactions.inTransaction(() -> processed.recordIfNew(tenantId, key, clock.now()));
            return new PushOutcome.Accepted(first ? "message " + message.msgType() + " noted" : "repeated message ignored");
        }
        return handleOnce(tenant.get(), ((DecodedPush.Event) push).event());
    }

    private PushOutcome handleOnce(Tenant tenant, WechatEvent event) {
        try {
            String account = transactions.inTransaction(() -> {
                if (!processed.recordIfNew(tenant.id(), event.dedupeKey(), clock.now())) {
                    return "repeated " + event.header().event() + " ignored";
                }
                Either<Failure, String> handled = handleRefusingBadInput(tenant, event);
                return handled.fold(failure -> event.header().event() + " not acted on: " + failure.detail(), done -> done);
            });
            LOG.info("push for tenant {}: {}", tenant.id(), account);
            return new PushOutcome.Accepted(account);
        } catch (RuntimeException technical) {
            LOG.error("push {} for tenant {} could not be handled now; WeChat will retry it", event.header().event(),
                    tenant.id(), technical);
            return new PushOutcome.RetryLater("the push could not be handled now");
        }
    }

    /** A field WeChat sent that our value objects refuse (an odd openid, say) is a business refusal, not an outage. */
    private Either<Failure, String> handleRefusingBadInput(Tenant tenant, WechatEvent event) {
        try {
            return events.handle(tenant.id(), event);
        } catch (IllegalArgumentException badInput) {
            return Either.left(new Failure.NotFound("a valid value in the push (" + badInput.getMessage() + ")"));
        }
    }
}
