package io.wxcard.application.contract.wechat;

import static io.wxcard.application.contract.wechat.WechatContractSupport.failed;
import static io.wxcard.application.contract.wechat.WechatContractSupport.newOpenId;
import static io.wxcard.application.contract.wechat.WechatContractSupport.ok;
import static io.wxcard.application.contract.wechat.WechatContractSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.CodeStatus;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.HeldCard;
import io.wxcard.application.port.out.wechat.MemberInfo;
import io.wxcard.application.port.out.wechat.MemberTotals;
import io.wxcard.application.port.out.wechat.MemberUpdate;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatActivation;
import io.wxcard.application.port.out.wechat.WechatCardCatalog;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WechatMemberCards} must do, given a fresh {@link WechatContractSubject} per test. The catalog
 * creates the cards; the {@link WechatTestControl} approves them and hands them to members.
 */
public abstract class WechatMemberCardsContract {

    protected abstract WechatContractSubject subject();

    private WechatMemberCards members() {
        return subject().members();
    }

    private WechatCardCatalog catalog() {
        return subject().catalog();
    }

    private WechatAccount account() {
        return subject().account();
    }

    private WechatTestControl control() {
        return subject().control();
    }

    private static final Code UNKNOWN_CODE = new Code("999999999999");

    /** An approved card of the given activation mode. */
    private WechatCardId approvedCard(ActivationMode mode) {
        WechatCardId cardId = ok(catalog().create(account(), Fixtures.definitionActivatedBy(mode)));
        control().review(cardId, true);
        return cardId;
    }

    /** A member holding an approved merchant-page card, activated through the API with opening totals. */
    private Code activatedMember(WechatCardId cardId, OpenId openId, long bonus, long balance) {
        Code code = control().handOut(cardId, openId);
        ok(members().activate(account(), new WechatActivation(cardId, code, new MembershipNumber(unique("M")),
                Option.of(Points.of(bonus)), Option.of("welcome gift"), Option.of(Fen.of(balance)))));
        return code;
    }

    private MemberUpdate totals(WechatCardId cardId, Code code, long bonus, long balance) {
        return new MemberUpdate(cardId, code, Points.of(bonus), Fen.of(balance), Option.of(200L),
                Option.of("purchase 2026-11-23"), Option.of(-500L), Option.of("paid with balance"), true, false);
    }

    @Test
    void activates_a_member_with_their_number_and_opening_totals() {
        WechatCardId cardId = approvedCard(ActivationMode.MERCHANT_PAGE);
        OpenId openId = newOpenId();
        Code code = control().handOut(cardId, openId);
        MembershipNumber number = new MembershipNumber(unique("M"));

        Done done = ok(members().activate(account(), new WechatActivation(cardId, code, number,
                Option.of(Points.of(100)), Option.of("welcome gift"), Option.of(Fen.of(1234)))));

        assertThat(done).isEqualTo(Done.DONE);
        MemberInfo info = ok(members().memberInfo(account(), cardId, code));
        assertThat(info.openId()).isEqualTo(openId);
        assertThat(info.hasActive()).isTrue();
        assertThat(info.membershipNumber()).contains(number);
        assertThat(info.bonus()).isEqualTo(Points.of(100));
        assertThat(info.balance()).isEqualTo(Fen.of(1234));
        assertThat(info.userCardStatus()).isEqualTo("NORMAL");
    }

    @Test
    void sets_absolute_totals_and_lands_on_the_same_totals_when_the_update_is_repeated() {
        WechatCardId cardId = approvedCard(ActivationMode.MERCHANT_PAGE);
        OpenId openId = newOpenId();
        Code code = activatedMember(cardId, openId, 100, 5500);

        MemberTotals first = ok(members().updateMember(account(), totals(cardId, code, 300, 5000)));
        MemberTotals second = ok(members().updateMember(account(), totals(cardId, code, 300, 5000)));

        assertThat(first).isEqualTo(new MemberTotals(Points.of(300), Fen.of(5000), openId));
        assertThat(second).isEqualTo(first);
        MemberInfo info = ok(members().memberInfo(account(), cardId, code));
        assertThat(info.bonus()).isEqualTo(Points.of(300));
        assertThat(info.balance()).isEqualTo(Fen.of(5000));
    }

    @Test
    void sets_absolute_totals_asynchronously_and_answers_errors_as_values() throws Exception {
        WechatCardId cardId = approvedCard(ActivationMode.MERCHANT_PAGE);
        OpenId openId = newOpenId();
        Code code = activatedMember(cardId, openId, 100, 5500);

        var sent = members().updateMemberAsync(account(), totals(cardId, code, 400, 6000))
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        var unknown = members().updateMemberAsync(account(), totals(cardId, UNKNOWN_CODE, 1, 0))
                .get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(ok(sent)).isEqualTo(new MemberTotals(Points.of(400), Fen.of(6000), openId));
        assertThat(ok(members().memberInfo(account(), cardId, code)).bonus()).isEqualTo(Points.of(400));
        assertThat(failed(unknown).kind()).isEqualTo(WechatError.Kind.NOT_FOUND);
    }

    @Test
    void makes_a_code_unavailable_once_and_refuses_the_second_time_as_a_conflict() {
        WechatCardId cardId = approvedCard(ActivationMode.AUTO);
        Code code = control().handOut(cardId, newOpenId());

        assertThat(ok(members().makeUnavailable(account(), cardId, code, "member left"))).isEqualTo(Done.DONE);
        WechatError second = failed(members().makeUnavailable(account(), cardId, code, "member left"));

        assertThat(second.kind()).isEqualTo(WechatError.Kind.CONFLICT);
        CodeStatus status = ok(members().codeStatus(account(), cardId, code));
        assertThat(status.userCardStatus()).isEqualTo("UNAVAILABLE");
        assertThat(status.canConsume()).isFalse();
    }

    @Test
    void refuses_totals_for_a_code_made_unavailable() {
        WechatCardId cardId = approvedCard(ActivationMode.MERCHANT_PAGE);
        Code code = activatedMember(cardId, newOpenId(), 0, 0);
        ok(members().makeUnavailable(account(), cardId, code, "fraud"));

        WechatError error = failed(members().updateMember(account(), totals(cardId, code, 10, 0)));

        assertThat(error.kind()).isEqualTo(WechatError.Kind.CONFLICT);
    }

    @Test
    void answers_not_found_for_a_code_that_does_not_exist() {
        WechatCardId cardId = approvedCard(ActivationMode.AUTO);

        assertThat(failed(members().memberInfo(account(), cardId, UNKNOWN_CODE)).kind())
                .isEqualTo(WechatError.Kind.NOT_FOUND);
        assertThat(failed(members().codeStatus(account(), cardId, UNKNOWN_CODE)).kind())
                .isEqualTo(WechatError.Kind.NOT_FOUND);
        assertThat(failed(members().updateMember(account(), totals(cardId, UNKNOWN_CODE, 1, 0))).kind())
                .isEqualTo(WechatError.Kind.NOT_FOUND);
        assertThat(failed(members().makeUnavailable(account(), cardId, UNKNOWN_CODE, "x")).kind())
                .isEqualTo(WechatError.Kind.NOT_FOUND);
    }

    @Test
    void tells_who_holds_a_code_and_that_it_can_be_used() {
        WechatCardId cardId = approvedCard(ActivationMode.AUTO);
        OpenId openId = newOpenId();
        Code code = control().handOut(cardId, openId);

        CodeStatus status = ok(members().codeStatus(account(), cardId, code));

        assertThat(status.cardId()).isEqualTo(cardId);
        assertThat(status.openId()).isEqualTo(openId);
        assertThat(status.userCardStatus()).isEqualTo("NORMAL");
        assertThat(status.canConsume()).isTrue();
    }

    @Test
    void lists_the_cards_a_member_holds() {
        WechatCardId cardId = approvedCard(ActivationMode.AUTO);
        WechatCardId other = approvedCard(ActivationMode.AUTO);
        OpenId openId = newOpenId();
        Code code = control().handOut(cardId, openId);
        Code otherCode = control().handOut(other, openId);

        assertThat(ok(members().cardsOf(account(), openId, Option.none())))
                .containsExactlyInAnyOrder(new HeldCard(cardId, code), new HeldCard(other, otherCode));
        assertThat(ok(members().cardsOf(account(), openId, Option.of(cardId))))
                .containsExactly(new HeldCard(cardId, code));
        assertThat(ok(members().cardsOf(account(), newOpenId(), Option.none()))).isEmpty();
    }

    @Test
    void decrypts_the_code_wechat_hands_to_the_merchants_page() {
        WechatCardId cardId = approvedCard(ActivationMode.MERCHANT_PAGE);
        Code code = control().handOut(cardId, newOpenId());

        assertThat(ok(members().decryptCode(account(), control().encryptCodeOf(cardId, code)))).isEqualTo(code);
    }

    @Test
    void answers_not_found_for_an_encrypt_code_it_never_gave() {
        WechatError error = failed(members().decryptCode(account(), "bm90LWFuLWVuY3J5cHQtY29kZQ=="));

        assertThat(error.kind()).isEqualTo(WechatError.Kind.NOT_FOUND);
    }

    @Test
    void configures_the_one_click_form_and_gives_the_link_that_opens_it() {
        WechatCardId cardId = approvedCard(ActivationMode.ONE_CLICK_FORM);

        assertThat(ok(members().setActivationForm(account(), cardId, Fixtures.activationForm()))).isEqualTo(Done.DONE);

        assertThat(ok(members().activationUrl(account(), cardId, Option.of("store_42")))).startsWith("http");
    }

    @Test
    void reads_what_the_member_typed_in_the_one_click_form() {
        WechatCardId cardId = approvedCard(ActivationMode.ONE_CLICK_FORM);
        ok(members().setActivationForm(account(), cardId, Fixtures.activationForm()));
        Code code = control().handOut(cardId, newOpenId());

        control().submitForm(cardId, code, Map.of("USER_FORM_INFO_FLAG_MOBILE", "13800000000",
                "USER_FORM_INFO_FLAG_NAME", "李雷", "喜欢的茶", "龙井"));

        MemberInfo info = ok(members().memberInfo(account(), cardId, code));
        assertThat(info.hasActive()).isTrue();
        assertThat(info.commonFields()).containsEntry("USER_FORM_INFO_FLAG_MOBILE", "13800000000")
                .containsEntry("USER_FORM_INFO_FLAG_NAME", "李雷");
    }

    @Test
    void answers_not_found_when_configuring_the_form_of_a_card_that_does_not_exist() {
        WechatError error = failed(members().setActivationForm(account(),
                new WechatCardId("pUnknownCard0000000000000001"), Fixtures.activationForm()));

        assertThat(error.kind()).isEqualTo(WechatError.Kind.NOT_FOUND);
    }
}
