package io.wxcard.domain.card;

/** How an edit of a card's definition is made, which depends on whether WeChat shows the card already. */
public enum EditRoute {
    /** WeChat does not show the card yet (a draft, or a card it rejected): the edit is recorded here as a draft. */
    AS_DRAFT,
    /** WeChat approved the card: WeChat takes the edit first ({@code /card/update}), which may send it back to review. */
    THROUGH_WECHAT
}
