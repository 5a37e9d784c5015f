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
    ACTIVATION,
    /** Points a purchase earned under the card's points rule (issue 17 item 2). */
    PURCHASE,
    /** Points that expired under the card's points rule: they leave the ledger through an entry, never silently. */
    EXPIRY;

    /** Whether WeChat shows the member this entry's change with its reason ({@code record_bonus}/{@code record_balance}). */
    public boolean toldToMember() {
        return this == MERCHANT || this == PURCHASE || this == EXPIRY;
    }
}
