package io.wxcard.application.port.out.wechat;

import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.OpenId;

/** WeChat's totals after an update ({@code result_bonus}, {@code result_balance}). */
public record MemberTotals(Points bonus, Fen balance, OpenId openId) {}
