package io.wxcard.application.service;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.HandleWechatEventUseCase;
import io.wxcard.application.port.in.RecordCardReceivedUseCase.CardReceived;
import io.wxcard.application.port.in.RecordReviewResultUseCase.ReviewResult;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;

/**
 * Acts on each event WeChat pushes (wechat-api.md, section 5). Only local changes happen here, so a push is answered
 * well within WeChat's 5 seconds; anything that needs WeChat goes through the outbox.
 */
final class WechatEventService implements HandleWechatEventUseCase {

    private final CardService cards;
    private final MembershipService memberships;
    private final TotalsReconciler totals;

    WechatEventService(CardService cards, MembershipService memberships, TotalsReconciler totals) {
        this.cards = cards;
        this.memberships = memberships;
        this.totals = totals;
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
        if (event instanceof WechatEvent.CardReceived received) {
            return memberships.recordReceived(new CardReceived(tenantId, received.cardId(), received.code(),
                            new OpenId(received.header().fromUserName()), received.outerStr(), received.restored(),
                            received.unionId()))
                    .map(membership -> "membership " + membership.code() + (received.restored() ? " restored" : " received")
                            + ", now " + membership.state());
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
        return Either.right("event " + event.header().event() + " noted, nothing to do");
    }
}
