package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.CustomFieldValues;
import io.wxcard.application.port.out.wechat.MemberFieldsUpdate;
import io.wxcard.application.port.out.wechat.WechatActivation;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.card.definition.BaseInfo;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.card.image.CardImage;
import io.wxcard.domain.card.image.WechatImageUrl;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.CustomFieldValue;
import io.wxcard.domain.membership.MembershipNumber;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calls issue 14 item 9 added, over real HTTP against the sandbox: what reaches WeChat is read back from the
 * sandbox's own view of the member ({@code activate} with validity and custom values, {@code updateuser} with custom
 * values and their notify flags, {@code code/update}).
 */
class CodeUseOverSandboxTest {

    private static SandboxFixture sandbox;
    private static WechatAdapter adapter;
    private static SandboxControl control;
    private final SandboxFixture.Account account = sandbox.newAccount();

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        adapter = WechatAdapter.create(sandbox.settings(), new InMemoryStores().tokens(), Clock.system());
        control = new SandboxControl(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private WechatCardId approved(MemberCardDefinition definition) {
        WechatCardId cardId = adapter.catalog().create(account.account(), definition).get();
        control.review(cardId, true);
        return cardId;
    }

    @Test
    void activates_with_the_members_validity_custom_values_and_an_uploaded_card_face() {
        WechatCardId cardId = approved(Fixtures.definitionActivatedBy(ActivationMode.MERCHANT_PAGE));
        Code code = control.handOut(cardId, io.wxcard.application.contract.wechat.WechatContractSupport.newOpenId());
        String face = adapter.images().upload(account.account(), CardImage.of(
                io.wxcard.application.contract.wechat.WechatCardImagesContract.PNG).get()).get();

        adapter.members().activate(account.account(), new WechatActivation(cardId, code, new MembershipNumber("M7"),
                Option.of(Points.of(5)), Option.of("welcome"), Option.none(), Option.of(new WechatImageUrl(face)),
                new CustomFieldValues(Option.of(new CustomFieldValue("白银")), Option.none(), Option.none()),
                Option.of(Instant.ofEpochSecond(1_800_000_000L)), Option.of(Instant.ofEpochSecond(1_900_000_000L))))
                .get();

        JsonNode member = sandbox.member(cardId.value(), code.value());
        assertThat(member.get("activate_begin_time").asLong()).isEqualTo(1_800_000_000L);
        assertThat(member.get("activate_end_time").asLong()).isEqualTo(1_900_000_000L);
        assertThat(member.get("custom_field_value1").asText()).isEqualTo("白银");
        assertThat(member.get("background_pic_url").asText()).isEqualTo(face);
        assertThat(member.get("bonus").asLong()).isEqualTo(5);
    }

    @Test
    void sets_custom_field_values_with_their_notify_flags_and_leaves_the_totals_alone() {
        WechatCardId cardId = approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
        Code code = control.handOut(cardId, io.wxcard.application.contract.wechat.WechatContractSupport.newOpenId());

        adapter.members().updateMemberFields(account.account(), new MemberFieldsUpdate(cardId, code,
                new CustomFieldValues(Option.none(), Option.of(new CustomFieldValue("LV3")), Option.none()),
                false, true, false)).get();

        JsonNode member = sandbox.member(cardId.value(), code.value());
        assertThat(member.get("custom_field_value2").asText()).isEqualTo("LV3");
        assertThat(member.get("custom_field_value1").isNull()).isTrue();
        assertThat(member.get("bonus").asLong()).isZero();
        assertThat(sandbox.calls("/card/membercard/updateuser", account.appId())).hasSize(1);
    }

    @Test
    void the_fields_update_body_names_wechats_fields_and_carries_no_totals() throws Exception {
        String body = WechatJson.MAPPER.writeValueAsString(new OaJson.UpdateFieldsRequest("C1", "pCard", null, "LV3",
                null, null, new OaJson.NotifyFields(false, true, false)));

        assertThat(body).isEqualTo("{\"code\":\"C1\",\"card_id\":\"pCard\",\"custom_field_value2\":\"LV3\","
                + "\"notify_optional\":{\"is_notify_custom_field1\":false,\"is_notify_custom_field2\":true,"
                + "\"is_notify_custom_field3\":false}}");
    }

    @Test
    void changes_a_custom_code_and_refuses_a_repeat_as_not_found_without_retrying() {
        MemberCardDefinition d = Fixtures.definitionActivatedBy(ActivationMode.AUTO);
        BaseInfo b = d.baseInfo();
        BaseInfo custom = new BaseInfo(b.logoUrl(), b.codeType(), b.brandName(), b.title(), b.color(), b.notice(),
                b.description(), b.servicePhone(), b.dateInfo(), b.skuQuantity(), b.getLimit(), true, b.canShare(),
                b.canGiveFriend(), b.locationIds(), b.useAllLocations(), b.centerButton(), b.customUrl(),
                b.promotionUrl());
        WechatCardId cardId = approved(new MemberCardDefinition(custom, d.backgroundPicUrl(), d.prerogative(),
                d.autoActivate(), d.wxActivate(), d.activateUrl(), d.supplyBonus(), d.bonusUrl(), d.supplyBalance(),
                d.balanceUrl(), d.customFields(), d.customCell1(), d.bonusRule(), d.discount(), d.bonusCleared(),
                d.bonusRules(), d.balanceRules()));
        sandbox.control("POST", "/sandbox/cards/" + cardId.value() + "/users",
                Map.of("openid", "oCodeChange0000000000000001", "code", "VIP-0001"));

        adapter.members().changeCode(account.account(), cardId, new Code("VIP-0001"), new Code("VIP-0099")).get();
        var repeated = adapter.members().changeCode(account.account(), cardId, new Code("VIP-0001"), new Code("VIP-0099"));

        assertThat(sandbox.member(cardId.value(), "VIP-0099").get("openid").asText()).isEqualTo("oCodeChange0000000000000001");
        assertThat(repeated.getLeft().kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(sandbox.calls("/card/code/update", account.appId())).hasSize(2);
    }
}
