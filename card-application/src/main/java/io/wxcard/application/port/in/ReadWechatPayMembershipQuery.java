package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.WechatPayMemberCards.PayMemberCard;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import java.util.Objects;

/**
 * What WeChat Pay holds for a membership of a card upgraded for WeChat Pay ({@code GET
 * .../membercard-open/cards/{card_id}/codes/{code}}), beside what our ledger says: the member's state on WeChat Pay,
 * the points and stored value WeChat Pay shows them, and whether those equal the ledger's totals. Nothing changes.
 */
public interface ReadWechatPayMembershipQuery {

    /**
     * Refused ({@code CARD_NOT_UPGRADED_FOR_WECHAT_PAY}) for a card not upgraded, before any call; WeChat Pay not
     * answering is a {@link Failure.WechatFailed} of a transient kind.
     */
    Either<Failure, WechatPayMembership> wechatPay(MembershipKey key);

    /**
     * @param membership ours, with its ledger totals
     * @param held       what WeChat Pay answered
     */
    record WechatPayMembership(Membership membership, PayMemberCard held) {
        public WechatPayMembership {
            Objects.requireNonNull(membership, "membership");
            Objects.requireNonNull(held, "what WeChat Pay holds");
        }

        public boolean pointsMatch() {
            return held.bonus().value() == membership.totals().points().value();
        }

        public boolean balanceMatch() {
            return held.balance().value() == membership.totals().balance().value();
        }

        /** Whether WeChat Pay shows the member what our ledger says (points and stored value). */
        public boolean matchesLedger() {
            return pointsMatch() && balanceMatch();
        }
    }
}
