package io.wxcard.domain.ledger;

/** What a ledger entry moves: points ({@code bonus}) or stored value ({@code balance}, in fen). */
public enum Asset {
    POINTS,
    BALANCE
}
