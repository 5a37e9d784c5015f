package io.wxcard.domain.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CustomFieldValueTest {

    @Test
    void takes_four_chinese_or_twelve_latin_characters_as_wechat_does() {
        assertThat(new CustomFieldValue("金卡会员").value()).isEqualTo("金卡会员");
        assertThat(new CustomFieldValue("ABCDEFGHIJKL").value()).hasSize(12);
        assertThatThrownBy(() -> new CustomFieldValue("金卡会员级")).hasMessageContaining("15 bytes");
        assertThatThrownBy(() -> new CustomFieldValue("ABCDEFGHIJKLM")).hasMessageContaining("13 bytes");
        assertThatThrownBy(() -> new CustomFieldValue(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
