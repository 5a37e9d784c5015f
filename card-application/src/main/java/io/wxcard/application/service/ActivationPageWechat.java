package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.fromWechat;
import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.application.port.out.wechat.WechatPayMemberCards;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whom the activation page asks to vouch for what the member's browser brought: the Official Account
 * ({@code card/code/decrypt}, {@code activatetempinfo/get}) for a card as made, WeChat Pay ({@code decrypt-code},
 * {@code activate-informations/{activate_ticket}}) for a card upgraded for WeChat Pay, whose pages name these as the
 * jump activation's calls (FIDELITY.md section 25). Either way WeChat's refusal comes back as a
 * {@link Failure.WechatFailed}.
 */
final class ActivationPageWechat {

    /** WeChat Pay names the form's common fields {@code USER_FORM_FLAG_*}; the Official Account {@code USER_FORM_INFO_FLAG_*}. */
    static final String PAY_FIELD_PREFIX = "USER_FORM_FLAG_";
    static final String OA_FIELD_PREFIX = "USER_FORM_INFO_FLAG_";

    private final WechatMemberCards officialAccount;
    private final WechatPayMemberCards pay;
    private final Lookups lookups;

    ActivationPageWechat(WechatMemberCards officialAccount, WechatPayMemberCards pay, Lookups lookups) {
        this.officialAccount = officialAccount;
        this.pay = pay;
        this.lookups = lookups;
    }

    Either<Failure, Code> decryptCode(TenantId tenantId, Card card, String encryptCode) {
        if (card.upgradedForWechatPay()) {
            return onWechatPay(tenantId, card).flatMap(on -> fromWechat(pay.decryptCode(on._1, on._2, encryptCode)));
        }
        return lookups.account(tenantId).flatMap(account -> fromWechat(officialAccount.decryptCode(account,
                encryptCode)));
    }

    /** The form's answers, named as the Official Account names them whichever side answered. */
    Either<Failure, Map<String, String>> formAnswers(TenantId tenantId, Card card, String activateTicket) {
        if (card.upgradedForWechatPay()) {
            return onWechatPay(tenantId, card).flatMap(on -> fromWechat(pay.activationInformation(on._1,
                    activateTicket))).map(ActivationPageWechat::namedAsTheOfficialAccount);
        }
        return lookups.account(tenantId).flatMap(account -> fromWechat(officialAccount.activationFormAnswers(account,
                activateTicket)));
    }

    private Either<Failure, Tuple2<MerchantCredentials, WechatCardId>> onWechatPay(TenantId tenantId, Card card) {
        return rejected(card.checkWechatPayMemberFunctions()).flatMap(wechatCardId -> lookups.tenant(tenantId)
                .flatMap(tenant -> rejected(tenant.checkWechatPay("the activation page of a card upgraded for "
                        + "WeChat Pay")))
                .map(merchant -> Tuple.of(merchant, wechatCardId)));
    }

    static Map<String, String> namedAsTheOfficialAccount(Map<String, String> answers) {
        Map<String, String> named = new LinkedHashMap<>();
        answers.forEach((name, value) -> named.put(name.startsWith(PAY_FIELD_PREFIX)
                ? OA_FIELD_PREFIX + name.substring(PAY_FIELD_PREFIX.length()) : name, value));
        return named;
    }
}
