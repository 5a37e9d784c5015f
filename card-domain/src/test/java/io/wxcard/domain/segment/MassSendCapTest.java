package io.wxcard.domain.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MassSendCapTest {
    private static final TenantId TENANT = new TenantId("t");
    private static final CardId CARD = new CardId("c");
    private static final SegmentId GOLD = new SegmentId("gold");
    private static final SegmentId SILVER = new SegmentId("silver");

    private static CardMessage mass(SegmentId segment, Instant at, boolean delivered) {
        return new CardMessage("m" + at.toEpochMilli(), TENANT, CARD, CardMessage.Kind.MASS, "tag:1",
                Option.of(segment), delivered ? Option.of(1L) : Option.none(),
                delivered ? Option.none() : Option.of("45028: has no masssend quota"), at);
    }

    @Test
    void a_fifth_mass_send_to_a_segment_in_one_beijing_month_is_refused_naming_when_it_may_go() {
        List<CardMessage> sent = new ArrayList<>();
        for (int day = 1; day <= 4; day++) {
            sent.add(mass(GOLD, Instant.parse("2026-12-0" + day + "T02:00:00Z"), true));
        }
        Instant now = Instant.parse("2026-12-20T10:00:00Z");

        var refused = MassSendCap.SERVICE_ACCOUNT.allows(sent, GOLD, now).getLeft();

        assertThat(refused.code()).isEqualTo(RejectionCode.MASS_SEND_MONTHLY_CAP_REACHED);
        assertThat(refused.reason()).contains("segment gold", "4 mass sends", "2027-01-01");
        assertThat(MassSendCap.SERVICE_ACCOUNT.allows(sent, SILVER, now).get()).isEqualTo(4L);
    }

    @Test
    void counts_only_sends_wechat_took_in_the_month_of_beijing_time() {
        List<CardMessage> sent = List.of(
                mass(GOLD, Instant.parse("2026-11-30T15:59:59Z"), true),   // 23:59:59 on 30 November in Beijing
                mass(GOLD, Instant.parse("2026-11-30T16:00:00Z"), true),   // 00:00 on 1 December in Beijing
                mass(GOLD, Instant.parse("2026-12-02T00:00:00Z"), false),  // refused by WeChat: not received
                mass(GOLD, Instant.parse("2026-12-03T00:00:00Z"), true));

        assertThat(MassSendCap.SERVICE_ACCOUNT.sentThisMonth(sent, GOLD, Instant.parse("2026-12-10T00:00:00Z")))
                .isEqualTo(2);
        assertThat(MassSendCap.SERVICE_ACCOUNT.allows(sent, GOLD, Instant.parse("2026-12-10T00:00:00Z")).get())
                .isEqualTo(2L);
        assertThat(new MassSendCap(2).allows(sent, GOLD, Instant.parse("2026-12-10T00:00:00Z")).isLeft()).isTrue();
    }

    @Test
    void a_cap_is_at_least_one() {
        assertThatThrownBy(() -> new MassSendCap(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
