package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.fromWechat;
import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ReadWechatPayMembershipQuery;
import io.wxcard.application.port.out.wechat.WechatPayMemberCards;
import io.wxcard.domain.membership.MembershipKey;

/** Reads a membership of an upgraded card on WeChat Pay, beside its ledger; asks nothing of a card not upgraded. */
final class PayMembershipReader implements ReadWechatPayMembershipQuery {

    private final WechatPayMemberCards pay;
    private final Lookups lookups;

    PayMembershipReader(WechatPayMemberCards pay, Lookups lookups) {
        this.pay = pay;
        this.lookups = lookups;
    }

    @Override
    public Either<Failure, WechatPayMembership> wechatPay(MembershipKey key) {
        return lookups.membership(key).flatMap(membership -> lookups.card(key.tenantId(), key.cardId())
                .flatMap(card -> rejected(card.checkWechatPayMemberFunctions()))
                .flatMap(wechatCardId -> lookups.tenant(key.tenantId())
                        .flatMap(tenant -> rejected(tenant.checkWechatPay("reading a member's card on WeChat Pay")))
                        .flatMap(merchant -> fromWechat(pay.memberCard(merchant, wechatCardId, key.code()))))
                .map(held -> new WechatPayMembership(membership, held)));
    }
}
