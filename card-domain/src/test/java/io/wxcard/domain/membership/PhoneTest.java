package io.wxcard.domain.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.domain.shared.RejectionCode;
import org.junit.jupiter.api.Test;

class PhoneTest {

    @Test
    void a_mainland_mobile_written_with_or_without_the_country_code_is_one_number() {
        for (String written : new String[] {"13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000",
                "+8613800138000", "008613800138000", "86 13800138000", "(+86) 138.0013.8000"}) {
            assertThat(Phone.parse(written).get().normalised()).as(written).isEqualTo("13800138000");
        }
    }

    @Test
    void other_numbers_keep_their_country_code_and_lose_only_separators() {
        assertThat(new Phone("+852 9123 4567").normalised()).isEqualTo("+85291234567");
        assertThat(new Phone("010-6552 9988").normalised()).isEqualTo("01065529988");
        assertThat(new Phone("8612345").normalised()).isEqualTo("8612345");
    }

    @Test
    void is_masked_in_lists_and_when_printed() {
        Phone phone = new Phone("+86 138 1234 5678");
        assertThat(phone.masked()).isEqualTo("138****5678");
        assertThat(phone.toString()).isEqualTo("138****5678");
        assertThat(new Phone("12345").masked()).isEqualTo("*****");
    }

    @Test
    void refuses_what_is_not_a_phone_number_without_repeating_it() {
        for (String bad : new String[] {"", "   ", "call me", "1234", "1".repeat(16), "138-0013-800x", "1".repeat(33)}) {
            var refused = Phone.parse(bad);
            assertThat(refused.isLeft()).as(bad).isTrue();
            assertThat(refused.getLeft().code()).isEqualTo(RejectionCode.PHONE_INVALID);
            if (!bad.isBlank()) {
                assertThat(refused.getLeft().reason()).doesNotContain(bad);
            }
        }
    }
}
