package io.wxcard.domain.card.definition;

/** How a member's card becomes active; a card chooses exactly one. */
public enum ActivationMode {
    /** {@code auto_activate}: active the moment the member receives it. */
    AUTO,
    /** {@code wx_activate}: WeChat shows the merchant's form; submitting it activates. */
    ONE_CLICK_FORM,
    /** {@code activate_url}: the member goes to the merchant's page, and the merchant activates through the API. */
    MERCHANT_PAGE
}
