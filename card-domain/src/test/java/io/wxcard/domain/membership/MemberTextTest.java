package io.wxcard.domain.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wxcard.domain.shared.Text;
import io.wxcard.domain.store.StoreId;
import org.junit.jupiter.api.Test;

/** What WeChat sends is read by the same rule the value's constructor keeps: parse takes what the constructor takes. */
class MemberTextTest {
    private static final String SMILE = "\uD83D\uDE00"; // one character, two UTF-16 units

    @Test
    void a_membership_number_from_wechat_is_kept_when_the_constructor_would_take_it() {
        String longest = SMILE.repeat(MembershipNumber.MAX_LENGTH);
        assertThat(MembershipNumber.parse(longest)).contains(new MembershipNumber(longest));
        assertThat(MembershipNumber.parse(longest + "1")).isEmpty();
        assertThatThrownBy(() -> new MembershipNumber(longest + "1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MembershipNumber.parse(" ")).isEmpty();
        assertThat(MembershipNumber.parse(null)).isEmpty();
    }

    @Test
    void a_unionid_from_wechat_is_kept_when_the_constructor_would_take_it() {
        String longest = SMILE.repeat(UnionId.MAX_LENGTH);
        assertThat(UnionId.parse(longest).map(UnionId::value)).contains(longest);
        assertThat(UnionId.parse(longest + "1")).isEmpty();
        assertThatThrownBy(() -> new UnionId(longest + "1")).hasMessageContaining("unionid must be at most 64");
        assertThat(UnionId.parse("")).isEmpty();
    }

    @Test
    void a_store_id_is_parsed_by_the_store_ids_own_rule() {
        assertThat(StoreId.parse("s".repeat(StoreId.MAX_LENGTH))).isNotEmpty();
        assertThat(StoreId.parse("s".repeat(StoreId.MAX_LENGTH + 1))).isEmpty();
        assertThat(StoreId.parse("a b")).isEmpty();
        assertThat(StoreId.parse("")).isEmpty();
    }

    @Test
    void a_problem_quotes_a_value_cut_at_its_quoted_length() {
        assertThat(Text.quoted("abc")).isEqualTo("'abc'");
        assertThat(Text.quoted("x".repeat(Text.QUOTED_LENGTH + 1))).isEqualTo("'" + "x".repeat(Text.QUOTED_LENGTH) + "...'");
        assertThat(Text.quoted(null)).isEqualTo("null");
    }
}
