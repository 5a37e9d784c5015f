package io.wxcard.application.contract.wechat;

import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import java.util.Map;

/**
 * What happens on WeChat's side without the merchant asking: reviewers decide, members receive cards and fill in
 * forms. The WeChat contract tests drive it through this, so that the same tests run against the in-memory double and
 * against the real adapter talking to the sandbox.
 */
public interface WechatTestControl {

    /** WeChat's reviewers pass ({@code true}) or refuse the card, which must be under review. */
    void review(WechatCardId cardId, boolean pass);

    /** A member receives the card (as if by scanning a QR code); answers the code WeChat assigned. */
    Code handOut(WechatCardId cardId, OpenId openId);

    /**
     * The member submits the one-click form. Keys starting with {@code USER_FORM_INFO_FLAG_} are WeChat's common
     * fields, the others the merchant's own.
     */
    void submitForm(WechatCardId cardId, Code code, Map<String, String> answers);

    /** The {@code encrypt_code} WeChat would pass to the merchant's activation page for this code. */
    String encryptCodeOf(WechatCardId cardId, Code code);
}
