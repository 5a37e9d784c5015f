package io.wxcard.application.port.out.wechat;

import io.vavr.control.Option;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import java.util.Map;

/**
 * What WeChat knows of a member ({@code /card/membercard/userinfo/get}).
 *
 * @param commonFields   WeChat's common form fields by id ({@code USER_FORM_INFO_FLAG_MOBILE} -> value)
 * @param customFields   the merchant's own form fields by name (several values joined with ",")
 * @param userCardStatus as WeChat sends it ({@code NORMAL}, {@code DELETE}, ...; unknown values pass through)
 */
public record MemberInfo(OpenId openId, Option<String> nickname, Option<MembershipNumber> membershipNumber,
                         Points bonus, Fen balance, Option<String> sex, Map<String, String> commonFields,
                         Map<String, String> customFields, String userCardStatus, boolean hasActive) {
    public MemberInfo {
        commonFields = Map.copyOf(commonFields);
        customFields = Map.copyOf(customFields);
    }
}
