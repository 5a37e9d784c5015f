package io.wxcard.domain.campaign;

/**
 * What WeChat runs a campaign as (FIDELITY.md section 18): the Official Account's pay-to-join rule
 * ({@code card/paygiftcard}, 支付即会员), or one of WeChat Pay's member-card activities
 * ({@code /v3/marketing/membercard-activity/activities}, for cards upgraded for WeChat Pay).
 */
public enum CampaignKind {
    /** {@code RULE_TYPE_PAY_MEMBER_CARD}: after a payment in the amount range, WeChat offers the card. */
    PAY_TO_JOIN(false, true),
    /** {@code NON_MEMBER_AFTERPAY}: after a payment, a gift for joining. */
    NON_MEMBER_AFTERPAY(true, false),
    /** {@code MEMBER_AFTERPAY}: after a payment, a gift for members. */
    MEMBER_AFTERPAY(true, false),
    /** {@code NON_MEMBER_MINIPROGRAM}: a gift for joining in a mini program. */
    NON_MEMBER_MINIPROGRAM(true, false),
    /** {@code MEMBER_MINIPROGRAM}: a gift for members in a mini program. */
    MEMBER_MINIPROGRAM(true, false);

    private final boolean payActivity;
    private final boolean byAmount;

    CampaignKind(boolean payActivity, boolean byAmount) {
        this.payActivity = payActivity;
        this.byAmount = byAmount;
    }

    /** A WeChat Pay member-card activity: needs a card upgraded for WeChat Pay. */
    public boolean payActivity() {
        return payActivity;
    }

    /** Applies to payments within an amount range (so two of the card's campaigns may overlap on amounts). */
    public boolean byAmount() {
        return byAmount;
    }

    /** Shown on WeChat Pay's payment-success page: needs the merchants whose payments show it. */
    public boolean afterPayment() {
        return this == NON_MEMBER_AFTERPAY || this == MEMBER_AFTERPAY;
    }

    /** Whether it rewards people joining (so an import of existing members must not make them look new). */
    public boolean forNewMembers() {
        return this == PAY_TO_JOIN || this == NON_MEMBER_AFTERPAY || this == NON_MEMBER_MINIPROGRAM;
    }
}
