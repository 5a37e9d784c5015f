package io.wxcard.domain.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivationFormSpellingTest {

    @Test
    void takes_both_spellings_of_the_education_field_and_keeps_the_documented_one() {
        for (String spelling : List.of("USER_FORM_INFO_FLAG_EDUCATION_BACKGRO", "USER_FORM_INFO_FLAG_EDUCATION_BACKGROUND")) {
            ActivationForm form = new ActivationForm(Option.none(), Option.none(), new ActivationForm.Section(false,
                    List.of("USER_FORM_INFO_FLAG_MOBILE", spelling), List.of(), List.of()), null);

            assertThat(form.problems()).isEmpty();
            assertThat(form.required().commonFieldIds())
                    .containsExactly("USER_FORM_INFO_FLAG_MOBILE", "USER_FORM_INFO_FLAG_EDUCATION_BACKGRO");
        }
    }
}
