package io.wxcard.application.port.out.wechat;

import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;

/** An activation through the API ({@code /card/membercard/activate}), with the member's opening totals. */
public record WechatActivation(WechatCardId cardId, Code code, MembershipNumber membershipNumber,
                               Option<Points> initBonus, Option<String> initBonusRecord, Option<Fen> initBalance,
                               Option<String> backgroundPicUrl) {}
