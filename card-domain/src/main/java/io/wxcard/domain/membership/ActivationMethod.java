package io.wxcard.domain.membership;

/** How a membership became active. */
public enum ActivationMethod {
    /** The merchant called {@code /card/membercard/activate} (the member came through the merchant's page). */
    API,
    /** The member submitted WeChat's one-click form. */
    ONE_CLICK_FORM,
    /** The card activates itself when received. */
    AUTO,
    /** An existing member imported by openid (WeChat Pay v3): a silent activation. */
    IMPORT
}
