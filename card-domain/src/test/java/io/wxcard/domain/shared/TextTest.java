package io.wxcard.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void an_identifier_is_ascii_letters_digits_underscores_and_hyphens() {
        for (String id : List.of("a", "Z", "0", "_", "-", "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", "wx_card-2026")) {
            assertThat(Text.requireIdentifier(id, "id", 64)).isEqualTo(id);
        }
    }

    @Test
    void anything_else_in_an_identifier_is_refused_by_name() {
        for (String id : List.of("a b", "a/b", "a.b", "é", "卡", "１", "a\u0000", "a\n", "a:b", "a+b", "😀", "a`", "a@",
                "a[", "a{")) {
            assertThatThrownBy(() -> Text.requireIdentifier(id, "card id", 64))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("card id may hold only letters, digits, '_' and '-'");
        }
    }

    @Test
    void blank_and_too_long_identifiers_are_refused_first() {
        assertThatThrownBy(() -> Text.requireIdentifier("", "code", 8)).hasMessage("code must not be blank");
        assertThatThrownBy(() -> Text.requireIdentifier("   ", "code", 8)).hasMessage("code must not be blank");
        assertThatThrownBy(() -> Text.requireIdentifier("abcdefghi", "code", 8))
                .hasMessage("code must be at most 8 characters, got 9");
        assertThatThrownBy(() -> Text.requireIdentifier(null, "code", 8)).isInstanceOf(NullPointerException.class);
    }
}
