package io.wxcard.application.service;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.HandleWechatEventUseCase;
import io.wxcard.application.port.in.StockAlertsQuery;
import io.wxcard.application.port.in.RecordCardReceivedUseCase.CardReceived;
import io.wxcard.application.port.in.RecordReviewResultUseCase.ReviewResult;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on each event WeChat pushes (wechat-api.md, section 5). Only local changes happen here, so a push is answered
 * well within WeChat's 5 seconds; anything that needs WeChat goes through the outbox.
 */
final class WechatEventService implements HandleWechatEventUseCase, StockAlertsQuery {

    private static final Logger LOG = LoggerFactory.getLogger(WechatEventService.class);

    private final CardService cards;
    private final MembershipService memberships;
    private final TotalsReconciler totals;
    private final GiftingService gifting;
    private final StoreVisits storeVisits;
    private final Option<PayToJoinAttribution> payToJoin;
    private final LongAdder stockLowAlerts = new LongAdder();

    WechatEventService(CardService cards, MembershipService memberships, TotalsReconciler totals,
                       GiftingService gifting, StoreVisits storeVisits, Option<PayToJoinAttribution> payToJoin) {
        this.cards = cards;
        this.memberships = memberships;
        this.totals = totals;
        this.gifting = gifting;
        this.storeVisits = storeVisits;
        this.payToJoin = payToJoin;
    }

    @Override
    public long stockLowAlerts() {
        return stockLowAlerts.sum();
    }

    @Override
    public Either<Failure, String> handle(TenantId tenantId, WechatEvent event) {
        if (event instanceof WechatEvent.CardReviewPassed passed) {
            return cards.record(new ReviewResult(tenantId, passed.cardId(), true, Option.none()))
                    .map(card -> "card " + card.id() + " approved");
        }
        if (event instanceof WechatEvent.CardReviewRejected rejected) {
            return cards.record(new ReviewResult(tenantId, rejected.cardId(), false, Option.of(rejected.refuseReason())))
                    .map(card -> "card " + card.id() + " rejected: " + rejected.refuseReason());
        }
        if (event instanceof WechatEvent.CardReceived received && received.givenByFriend()
                && received.oldCode().isDefined()) {
            return memberships.recordReceived(new CardReceived(tenantId, received.cardId(), received.code(),
                            new OpenId(received.header().fromUserName()), received.outerStr(), false))
                    .flatMap(friends -> gifting.accepted(tenantId, friends.key(), received.oldCode().get())
                            .map(giver -> "membership " + friends.code() + " received from a friend, now "
                                    + friends.state() + "; " + giver));
        }
        if (event instanceof WechatEvent.CardReceived received) {
            return memberships.recordReceived(new CardReceived(tenantId, received.cardId(), received.code(),
                            new OpenId(received.header().fromUserName()), received.outerStr(), received.restored(),
                            received.unionId()))
                    .map(membership -> "membership " + membership.code() + (received.restored() ? " restored" : " received")
                            + ", now " + membership.state() + (received.restored() ? "" : payToJoin
                                    .flatMap(attribution -> attribution.attribute(membership, received))
                                    .map(join -> ", joined through campaign " + join.campaignId()).getOrElse("")));
        }
        if (event instanceof WechatEvent.CardDeletedByMember deleted) {
            return memberships.recordDeleted(tenantId, deleted.cardId(), deleted.code())
                    .map(membership -> "membership " + membership.code() + " deleted by the member");
        }
        if (event instanceof WechatEvent.ActivationFormSubmitted submitted) {
            return memberships.formSubmitted(tenantId, submitted.cardId(), submitted.code())
                    .map(membership -> "membership " + membership.code() + " activated by the one-click form");
        }
        if (event instanceof WechatEvent.MemberTotalsChanged changed) { // may echo our own updateuser: never booked blindly
            return totals.reported(tenantId, changed.cardId(), changed.code(), changed.modifyBonus(),
                    changed.modifyBalance());
        }
        if (event instanceof WechatEvent.CardGifting gift) {
            return gifting.gifting(tenantId, gift.cardId(), gift.code(), gift.returnedBack());
        }
        if (event instanceof WechatEvent.StockLow low) {
            stockLowAlerts.increment();
            LOG.warn("tenant {}: WeChat says the stock of card {} runs low ({}); add stock (modifystock) or expect "
                    + "members to be refused", tenantId, low.cardId(), low.detail());
            return Either.right("stock of card " + low.cardId() + " runs low: " + low.detail() + " (operator told)");
        }
        if (event instanceof WechatEvent.CardViewed viewed && storeVisits.records(viewed)) {
            return storeVisits.viewed(tenantId, viewed);
        }
        return Either.right(noted(event));
    }

    /** What an event we record but do not act on says, for the inbox's account of it. */
    private static String noted(WechatEvent event) {
        if (event instanceof WechatEvent.PaidFromPayCell paid) {
            return "membership " + paid.code() + " paid " + paid.fee() + " (of " + paid.originalFee()
                    + ") through the pay cell, transaction " + paid.transId() + "; recorded";
        }
        if (event instanceof WechatEvent.CardConsumed consumed) {
            return "membership " + consumed.code() + " consumed " + consumed.consumeSource().map(s -> "(" + s + ") ")
                    .getOrElse("") + "; recorded";
        }
        if (event instanceof WechatEvent.CardViewed viewed) {
            return "membership " + viewed.code() + " viewed" + viewed.outerStr().map(s -> " from " + s).getOrElse("")
                    + "; recorded";
        }
        if (event instanceof WechatEvent.SessionFromCard session) {
            return "membership " + session.code() + " opened the chat from the card; recorded";
        }
        if (event instanceof WechatEvent.CouponPointsOrder order) {
            return "coupon-point order " + order.orderId() + " " + order.status().getOrElse("(no status)") + "; recorded";
        }
        return "event " + event.header().event() + " noted, nothing to do";
    }
}
