package io.wxcard.domain.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.store.StoreId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentTest {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final TenantId TENANT = new TenantId("t1");
    private static final CardId CARD = new CardId("c1");

    private static MemberFacts member(long points, String store, Duration sinceActivity, boolean imported) {
        return new MemberFacts(new Code("100001"), new OpenId("oMember"), points, Option.of(store).map(StoreId::new),
                Option.of(sinceActivity).map(NOW::minus), imported, Option.none());
    }

    @Test
    void selects_members_by_points_store_recent_activity_and_import() {
        SegmentCriteria criteria = new SegmentCriteria(Option.of(100L), Option.of(500L), Option.of(new StoreId("s1")),
                Option.of(30), Option.of(false), Option.none());

        assertThat(criteria.selects(member(100, "s1", Duration.ofDays(30), false), NOW)).isTrue();
        assertThat(criteria.selects(member(99, "s1", Duration.ofDays(1), false), NOW)).isFalse();
        assertThat(criteria.selects(member(501, "s1", Duration.ofDays(1), false), NOW)).isFalse();
        assertThat(criteria.selects(member(200, "s2", Duration.ofDays(1), false), NOW)).isFalse();
        assertThat(criteria.selects(member(200, "s1", Duration.ofDays(31), false), NOW)).isFalse();
        assertThat(criteria.selects(member(200, "s1", Duration.ofDays(1), true), NOW)).isFalse();
        assertThat(SegmentCriteria.everyone().selects(member(0, null, null, true), NOW)).isTrue();
    }

    @Test
    void refuses_a_name_over_30_bytes_and_criteria_that_select_nobody_naming_each() {
        SegmentCriteria reversed = new SegmentCriteria(Option.of(500L), Option.of(100L), Option.none(), Option.of(0),
                Option.none(), Option.none());

        var rejection = Segment.define(TENANT, new SegmentId("s"), CARD, "一二三四五六七八九十一", reversed, NOW).getLeft();

        assertThat(rejection.code()).isEqualTo(RejectionCode.SEGMENT_INVALID);
        assertThat(rejection.problems()).extracting(Problem::field)
                .containsExactly("name", "max_points", "active_within_days");
        assertThat(Segment.define(TENANT, new SegmentId("s"), CARD, "一二三四五六七八九十", reversed, NOW)
                .getLeft().problems()).extracting(Problem::field).doesNotContain("name");
    }

    @Test
    void a_mass_send_needs_a_delivered_preview_of_the_same_card_within_24_hours() {
        CardMessage preview = new CardMessage("m1", TENANT, CARD, CardMessage.Kind.PREVIEW, "oTester", Option.none(),
                Option.of(1L), Option.none(), NOW.minus(Duration.ofHours(23)));
        CardMessage failed = new CardMessage("m2", TENANT, CARD, CardMessage.Kind.PREVIEW, "oTester", Option.none(),
                Option.none(), Option.of("40003: invalid openid"), NOW);
        CardMessage otherCard = new CardMessage("m3", TENANT, new CardId("c2"), CardMessage.Kind.PREVIEW, "oTester",
                Option.none(), Option.of(2L), Option.none(), NOW);

        assertThat(MassSendPolicy.previewBefore(List.of(preview), CARD, NOW).get()).isEqualTo(preview);
        assertThat(MassSendPolicy.previewBefore(List.of(preview), CARD, NOW.plus(Duration.ofHours(2))).getLeft().code())
                .isEqualTo(RejectionCode.MASS_SEND_NOT_PREVIEWED);
        assertThat(MassSendPolicy.previewBefore(List.of(failed, otherCard), CARD, NOW).isLeft()).isTrue();
    }
}
