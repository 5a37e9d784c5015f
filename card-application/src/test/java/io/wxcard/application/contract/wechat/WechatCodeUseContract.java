package io.wxcard.application.contract.wechat;

import static io.wxcard.application.contract.wechat.WechatContractSupport.failed;
import static io.wxcard.application.contract.wechat.WechatContractSupport.newOpenId;
import static io.wxcard.application.contract.wechat.WechatContractSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.ConsumedCode;
import io.wxcard.application.port.out.wechat.CustomFieldValues;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.MemberFieldsUpdate;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.CustomFieldValue;
import io.wxcard.domain.membership.OpenId;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WechatMemberCards} must do with a code at the till ({@code code/consume}) and with a card's custom
 * field values ({@code updateuser}'s {@code custom_field_value1..3}). Kept apart from
 * {@link WechatMemberCardsContract} so that each stays readable; runners run both.
 */
public abstract class WechatCodeUseContract {

    protected abstract WechatContractSubject subject();

    private WechatMemberCards members() {
        return subject().members();
    }

    private WechatCardId approvedCard() {
        WechatCardId cardId = ok(subject().catalog().create(subject().account(),
                Fixtures.definitionActivatedBy(ActivationMode.AUTO)));
        subject().control().review(cardId, true);
        return cardId;
    }

    @Test
    void consumes_a_code_once_answering_whose_it_was_and_refuses_a_second_consume_as_a_conflict() {
        WechatCardId cardId = approvedCard();
        OpenId openId = newOpenId();
        Code code = subject().control().handOut(cardId, openId);

        ConsumedCode consumed = ok(members().consumeCode(subject().account(), cardId, code));
        WechatError again = failed(members().consumeCode(subject().account(), cardId, code));

        assertThat(consumed).isEqualTo(new ConsumedCode(cardId, openId));
        assertThat(again.kind()).isEqualTo(WechatError.Kind.CONFLICT);
        assertThat(again.code()).isEqualTo("40099");
        assertThat(ok(members().codeStatus(subject().account(), cardId, code)).canConsume()).isFalse();
    }

    @Test
    void consuming_an_unknown_code_is_not_found() {
        WechatCardId cardId = approvedCard();

        assertThat(failed(members().consumeCode(subject().account(), cardId, new Code("999999999999"))).kind())
                .isEqualTo(WechatError.Kind.NOT_FOUND);
    }

    @Test
    void sets_custom_field_values_and_a_repeat_is_harmless() {
        WechatCardId cardId = approvedCard();
        Code code = subject().control().handOut(cardId, newOpenId());
        MemberFieldsUpdate gold = new MemberFieldsUpdate(cardId, code, new CustomFieldValues(
                Option.of(new CustomFieldValue("金卡")), Option.none(), Option.of(new CustomFieldValue("3 coupons"))),
                true, false, false);

        assertThat(ok(members().updateMemberFields(subject().account(), gold))).isEqualTo(Done.DONE);
        assertThat(ok(members().updateMemberFields(subject().account(), gold))).isEqualTo(Done.DONE);
    }
}
