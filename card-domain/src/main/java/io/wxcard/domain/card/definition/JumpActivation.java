package io.wxcard.domain.card.definition;

import io.vavr.control.Option;

/**
 * Where a card sends the member to activate, beyond its mode (FIDELITY.md section 17): after WeChat's one-click
 * form, the merchant's page ({@code wx_activate_after_submit}, {@code wx_activate_after_submit_url}) instead of
 * activating at once; and the mini program that opens instead of {@code activate_url}
 * ({@code activate_app_brand_user_name}, {@code activate_app_brand_pass}).
 *
 * @param afterSubmitUrl   filling it makes the card hand over even when {@code afterSubmit} is false (WeChat's
 *                         community answer, FIDELITY.md section 4)
 * @param appBrandUserName the mini program's original id ({@code gh_...@app}); only one bound to the account
 * @param appBrandPass     the mini program's page (WeChat's own, misleading, name for a path)
 */
public record JumpActivation(boolean afterSubmit, Option<String> afterSubmitUrl, Option<String> appBrandUserName,
                             Option<String> appBrandPass) {

    /** A card that sends the member nowhere beyond its mode. */
    public static final JumpActivation NONE = new JumpActivation(false, Option.none(), Option.none(), Option.none());

    public JumpActivation {
        afterSubmitUrl = MemberCardDefinition.orNone(afterSubmitUrl);
        appBrandUserName = MemberCardDefinition.orNone(appBrandUserName);
        appBrandPass = MemberCardDefinition.orNone(appBrandPass);
    }

    /** Whether WeChat's one-click form hands the member over to the merchant's page after submitting. */
    public boolean handsOverAfterForm() {
        return afterSubmit || afterSubmitUrl.isDefined();
    }
}
