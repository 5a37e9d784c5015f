package io.wxcard.application.service;

import io.vavr.control.Either;
import io.wxcard.application.port.in.AcceptWechatPushUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.InboxEntry;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.application.port.out.wechat.push.DecodedPush;
import io.wxcard.application.port.out.wechat.push.PushCredentials;
import io.wxcard.application.port.out.wechat.push.PushRejection;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.application.port.out.wechat.push.WechatPushDecoder;
import io.wxcard.domain.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a push, then keeps it in the inbox with one insert and answers at once; {@link PushInboxApplier} applies it
 * afterwards. A push WeChat retries (or delivers to two instances) finds its key already in the inbox and inserts
 * nothing. A message we do not act on only has its key recorded. A technical failure keeps nothing, so the push is
 * answered with an error and WeChat's retry gets another chance.
 */
final class WechatPushService implements AcceptWechatPushUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(WechatPushService.class);

    private final TenantStore tenants;
    private final InboxStore inbox;
    private final TransactionBoundary transactions;
    private final WechatPushDecoder decoder;
    private final Clock clock;
    private final IdGenerator ids;

    WechatPushService(TenantStore tenants, InboxStore inbox, TransactionBoundary transactions,
                      WechatPushDecoder decoder, Clock clock, IdGenerator ids) {
        this.tenants = tenants;
        this.inbox = inbox;
        this.transactions = transactions;
        this.decoder = decoder;
        this.clock = clock;
        this.ids = ids;
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
            boolean first = transactions.inTransaction(() -> inbox.recordIfNew(tenantId, key, clock.now()));
            return new PushOutcome.Accepted(first ? "message " + message.msgType() + " noted" : "repeated message ignored");
        }
        return keep(tenantId, ((DecodedPush.Event) push).event(), request);
    }

    private PushOutcome keep(TenantId tenantId, WechatEvent event, PushRequest request) {
        String name = event.header().event();
        try {
            boolean added = inbox.add(new InboxEntry(ids.newId("push"), tenantId, event.dedupeKey(),
                    event.header().fromUserName(), clock.now(), request));
            return new PushOutcome.Accepted(added ? name + " kept to be applied" : "repeated " + name + " ignored");
        } catch (RuntimeException technical) {
            LOG.error("push {} for tenant {} could not be kept now; WeChat will retry it", name, tenantId, technical);
            return new PushOutcome.RetryLater("the push could not be kept now");
        }
    }
}
