package io.wxcard.application.port.out.wechat;

import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.image.WechatImageUrl;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;
import java.time.Instant;

/**
 * An activation through the API ({@code /card/membercard/activate}), with the member's opening totals, the card's
 * custom field values ({@code init_custom_field_value1..3}) and the member's own validity
 * ({@code activate_begin_time} / {@code activate_end_time}; WeChat uses the card's date_info when they are absent).
 *
 * @param backgroundPicUrl the member's own card face; WeChat takes only a picture on its own host
 */
public record WechatActivation(WechatCardId cardId, Code code, MembershipNumber membershipNumber,
                               Option<Points> initBonus, Option<String> initBonusRecord, Option<Fen> initBalance,
                               Option<WechatImageUrl> backgroundPicUrl, CustomFieldValues initCustomFieldValues,
                               Option<Instant> activeFrom, Option<Instant> activeUntil) {

    public WechatActivation {
        initCustomFieldValues = initCustomFieldValues == null ? CustomFieldValues.none() : initCustomFieldValues;
        activeFrom = activeFrom == null ? Option.none() : activeFrom;
        activeUntil = activeUntil == null ? Option.none() : activeUntil;
        if (activeFrom.isDefined() && activeUntil.isDefined() && !activeUntil.get().isAfter(activeFrom.get())) {
            throw new IllegalArgumentException("activate_end_time must be after activate_begin_time");
        }
    }

    /** An activation with the opening totals only. */
    public WechatActivation(WechatCardId cardId, Code code, MembershipNumber membershipNumber, Option<Points> initBonus,
                            Option<String> initBonusRecord, Option<Fen> initBalance) {
        this(cardId, code, membershipNumber, initBonus, initBonusRecord, initBalance, Option.none(),
                CustomFieldValues.none(), Option.none(), Option.none());
    }
}
