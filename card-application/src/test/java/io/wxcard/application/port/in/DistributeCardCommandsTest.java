package io.wxcard.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.wxcard.application.port.in.DistributeCardUseCase.CreateLandingPageCommand;
import io.wxcard.application.port.in.DistributeCardUseCase.CreateQrCodeCommand;
import io.wxcard.application.port.in.DistributeCardUseCase.SignCardExtCommand;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.OuterStr;
import io.wxcard.domain.card.PageTitle;
import io.wxcard.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** The distribution commands obey WeChat's limits (domain values) whichever path builds them. */
class DistributeCardCommandsTest {
    private static final TenantId TENANT = new TenantId("t1");
    private static final CardId CARD = new CardId("c1");

    @Test
    void a_qr_code_and_a_card_ext_take_the_same_outer_str() {
        String longest = "x".repeat(OuterStr.MAX_LENGTH);
        assertThat(qrCode(longest).outerStr()).contains(longest);
        assertThat(cardExt(longest).outerStr()).contains(longest);

        String tooLong = longest + "x";
        assertThatThrownBy(() -> qrCode(tooLong)).hasMessageContaining("outer_str");
        // the cardExt command took any outer_str before: only the REST route checked it
        assertThatThrownBy(() -> cardExt(tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outer_str must be at most " + OuterStr.MAX_LENGTH);
        assertThatThrownBy(() -> cardExt(" ")).hasMessageContaining("outer_str must not be blank");
    }

    @Test
    void a_landing_page_title_counts_characters_not_utf16_units() {
        String longest = "\uD83C\uDF81".repeat(PageTitle.MAX_LENGTH); // 32 characters, 64 UTF-16 units
        assertThat(landingPage(longest).pageTitle()).isEqualTo(longest);
        assertThatThrownBy(() -> landingPage(longest + "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("page_title must be at most " + PageTitle.MAX_LENGTH);
        assertThatThrownBy(() -> landingPage("")).hasMessageContaining("page_title");
    }

    private static CreateQrCodeCommand qrCode(String outerStr) {
        return new CreateQrCodeCommand(TENANT, CARD, Option.none(), Option.none(), false, Option.of(outerStr),
                Option.none());
    }

    private static SignCardExtCommand cardExt(String outerStr) {
        return new SignCardExtCommand(TENANT, CARD, Option.none(), Option.none(), Option.none(), Option.of(outerStr));
    }

    private static CreateLandingPageCommand landingPage(String title) {
        return new CreateLandingPageCommand(TENANT, CARD, "https://example.com/banner.png", title, true, "SCENE_H5",
                "https://example.com/thumb.png");
    }
}
