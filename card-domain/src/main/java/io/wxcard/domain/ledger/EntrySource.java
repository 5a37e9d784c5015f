package io.wxcard.domain.ledger;

/** Who caused a ledger entry. */
public enum EntrySource {
    /** The merchant, through our API. WeChat is told afterwards. */
    MERCHANT,
    /** WeChat reported a change made elsewhere ({@code update_member_card}); recorded as it happened, not sent back. */
    WECHAT,
    /** The opening points or balance of an imported member. */
    IMPORT,
    /** The opening points or balance given at activation ({@code init_bonus}, {@code init_balance}). */
    ACTIVATION
}
