package io.wxcard.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/console/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void chinese_and_english_have_the_same_words() throws IOException {
        assertThat(bundle("messages_en.properties").keySet())
                .containsExactlyInAnyOrderElementsOf(bundle("messages.properties").keySet());
    }

    @Test
    void chinese_is_the_default_and_english_the_switch() {
        assertThat(Messages.forLanguage("zh").get("nav.cards")).isEqualTo("会员卡");
        assertThat(Messages.forLanguage("en").get("nav.cards")).isEqualTo("Cards");
        assertThat(Messages.forLanguage("fr").get("nav.cards")).isEqualTo("会员卡");
        assertThat(Messages.forLanguage("en").format("member.points_n", 120)).isEqualTo("120 points");
    }

    @Test
    void every_state_and_role_has_a_word() {
        for (String language : new String[] {"zh", "en"}) {
            Messages t = Messages.forLanguage(language);
            for (var state : io.wxcard.domain.card.CardState.values()) {
                assertThat(t.has("state." + state.name())).as(language + " " + state).isTrue();
            }
            for (var state : io.wxcard.domain.membership.MembershipState.values()) {
                assertThat(t.has("state." + state.name())).as(language + " " + state).isTrue();
            }
            for (var role : io.wxcard.domain.operator.Role.values()) {
                assertThat(t.has("role." + role.name().toLowerCase())).as(language + " " + role).isTrue();
            }
            for (var source : io.wxcard.domain.ledger.EntrySource.values()) {
                assertThat(t.has("source." + source.name())).as(language + " " + source).isTrue();
            }
        }
    }

    @Test
    void every_rejection_reads_in_both_languages_by_its_code() {
        for (String language : new String[] {"zh", "en"}) {
            Messages t = Messages.forLanguage(language);
            for (RejectionCode code : RejectionCode.values()) {
                assertThat(t.has("rejection." + code.name())).as(language + " " + code).isTrue();
            }
        }
    }

    @Test
    void a_refusal_is_shown_by_its_code_never_by_the_domains_english_sentence() {
        var refusal = new Failure.Rejected(Rejection.of(RejectionCode.POINTS_WOULD_GO_NEGATIVE,
                "points would go negative: 10 - 20"));

        assertThat(Messages.forLanguage("zh").failure(refusal)).isEqualTo("积分不足:变动后积分会小于零,未做任何更改。")
                .doesNotContain("points");
        assertThat(Messages.forLanguage("en").failure(refusal)).startsWith("Not enough points");
        assertThat(Messages.forLanguage("zh").failure(new Failure.WechatFailed(new WechatError(
                WechatError.Kind.NOT_FOUND, "40056", "invalid serial code")))).contains("40056").contains("微信");
        assertThat(Messages.forLanguage("zh").failure(new Failure.NotFound("card c-1"))).doesNotContain("c-1");
    }
}
