package io.wxcard.application.port.out.wechat;

import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;

/**
 * A change of a member's totals ({@code /card/membercard/updateuser}). Always carries the absolute totals the card
 * offers, so that sending it twice lands on the same totals; the {@code add*} deltas and records only tell the member
 * what changed. A total the card does not offer ({@code supply_bonus} / {@code supply_balance} false) is left out:
 * WeChat refuses a balance, even 0, on a card without stored value (43010).
 */
public record MemberUpdate(WechatCardId cardId, Code code, Option<Points> bonus, Option<Fen> balance,
                           Option<Long> addBonus, Option<String> recordBonus,
                           Option<Long> addBalance, Option<String> recordBalance,
                           boolean notifyBonus, boolean notifyBalance) {

    public MemberUpdate {
        if (bonus.isEmpty() && balance.isEmpty()) {
            throw new IllegalArgumentException("an update carries the bonus, the balance, or both");
        }
        if (bonus.isEmpty() && addBonus.isDefined() || balance.isEmpty() && addBalance.isDefined()) {
            throw new IllegalArgumentException("a delta goes with its absolute total, so that a repeat is harmless");
        }
    }

    /** An update of both totals. */
    public MemberUpdate(WechatCardId cardId, Code code, Points bonus, Fen balance, Option<Long> addBonus,
                        Option<String> recordBonus, Option<Long> addBalance, Option<String> recordBalance,
                        boolean notifyBonus, boolean notifyBalance) {
        this(cardId, code, Option.of(bonus), Option.of(balance), addBonus, recordBonus, addBalance, recordBalance,
                notifyBonus, notifyBalance);
    }
}
