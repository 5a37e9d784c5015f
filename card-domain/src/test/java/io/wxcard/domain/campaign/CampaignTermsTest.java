package io.wxcard.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.wxcard.domain.campaign.PayActivityTerms.GiftStock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What WeChat Pay requires of a member-card activity (FIDELITY.md section 27), refused before anything is sent. */
class CampaignTermsTest {
    private static final Instant BEGIN = Instant.parse("2027-01-01T00:00:00Z");
    private static final PayActivityTerms GIFTS = new PayActivityTerms(List.of(GiftStock.parse("1900000109:98065001")),
            "https://wxpaylogo.qpic.cn/wxpaylogo/abc/0", "开卡送10元券");

    private static CampaignTerms activity(CampaignKind kind, String name, List<String> mchids, Duration length,
                                          Option<PayActivityTerms> pay) {
        return new CampaignTerms(kind, name, mchids, BEGIN, BEGIN.plus(length), Option.none(), Option.none(), pay);
    }

    @Test
    void an_activity_with_gifts_logo_and_second_title_within_90_days_is_valid() {
        CampaignTerms terms = activity(CampaignKind.NON_MEMBER_AFTERPAY, "开卡有礼", List.of("1900000109"),
                Duration.ofDays(90), Option.of(GIFTS));
        assertThat(terms.payActivity().get().gifts()).extracting(GiftStock::stockId).containsExactly("98065001");
        assertThat(activity(CampaignKind.NON_MEMBER_MINIPROGRAM, "小程序开卡", List.of(), Duration.ofDays(7),
                Option.of(GIFTS)).mchids()).as("a mini-program activity shows on no payment page").isEmpty();
    }

    @Test
    void an_activity_needs_its_wechat_pay_settings_and_a_pay_to_join_rule_takes_none() {
        assertThatThrownBy(() -> activity(CampaignKind.MEMBER_AFTERPAY, "老会员有礼", List.of("1900000109"),
                Duration.ofDays(7), Option.none())).hasMessageContaining("stock_list");
        assertThatThrownBy(() -> new CampaignTerms(CampaignKind.PAY_TO_JOIN, "满10元", List.of("1900000109"), BEGIN,
                BEGIN.plusSeconds(60), Option.of(io.wxcard.domain.ledger.Fen.of(1)),
                Option.of(io.wxcard.domain.ledger.Fen.of(2)), Option.of(GIFTS))).hasMessageContaining("only WeChat Pay");
    }

    @Test
    void wechat_pays_limits_name_length_and_merchants() {
        assertThatThrownBy(() -> activity(CampaignKind.NON_MEMBER_AFTERPAY, "一二三四五六七八九十一", List.of("1900000109"),
                Duration.ofDays(7), Option.of(GIFTS))).hasMessageContaining("at most 10");
        assertThatThrownBy(() -> activity(CampaignKind.NON_MEMBER_AFTERPAY, "开卡有礼", List.of("1900000109"),
                Duration.ofDays(91), Option.of(GIFTS))).hasMessageContaining("90 days");
        assertThatThrownBy(() -> activity(CampaignKind.NON_MEMBER_AFTERPAY, "开卡有礼", List.of(), Duration.ofDays(7),
                Option.of(GIFTS))).hasMessageContaining("mchid_list");
    }

    @Test
    void the_settings_are_checked_field_by_field() {
        GiftStock gift = GiftStock.parse("1900000109:98065001");
        assertThatThrownBy(() -> new PayActivityTerms(List.of(), "https://a.example/logo.png", "券"))
                .hasMessageContaining("stock_list");
        assertThatThrownBy(() -> new PayActivityTerms(List.of(gift, gift), "https://a.example/logo.png", "券"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new PayActivityTerms(List.of(gift), "http://a.example/logo.png", "券"))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> new PayActivityTerms(List.of(gift), "https://a.example/logo.png", "一二三四五六七八九十"))
                .hasMessageContaining("activity_second_title");
        assertThatThrownBy(() -> GiftStock.parse("98065001")).hasMessageContaining("stock_creator_mchid:stock_id");
        assertThatThrownBy(() -> GiftStock.parse("12:98065001")).hasMessageContaining("6 to 32 digits");
    }
}
