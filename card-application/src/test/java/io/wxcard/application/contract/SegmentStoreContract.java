package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.SegmentStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.segment.CardMessage;
import io.wxcard.domain.segment.Segment;
import io.wxcard.domain.segment.SegmentCriteria;
import io.wxcard.domain.segment.SegmentId;
import io.wxcard.domain.store.StoreId;
import io.wxcard.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** What every {@link SegmentStore} must do. */
public abstract class SegmentStoreContract {

    protected abstract SegmentStore segments();

    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card_segments");

    @Test
    void keeps_every_criterion_of_a_segment_and_replaces_it_once_it_is_a_tag() {
        SegmentCriteria all = new SegmentCriteria(Option.of(100L), Option.of(5_000L), Option.of(new StoreId("store_1")),
                Option.of(30), Option.of(false), Option.of("金卡"));
        Segment segment = Segment.define(tenant, new SegmentId("segment_1"), card, "静安老会员", all, T0).get();
        Segment everyone = Segment.define(tenant, new SegmentId("segment_2"), card, "all",
                SegmentCriteria.everyone(), T0.plusSeconds(1)).get();
        segments().save(everyone);
        segments().save(segment);

        assertThat(segments().find(tenant, segment.id())).contains(segment);
        assertThat(segments().find(tenant, everyone.id())).contains(everyone);
        segments().save(segment.taggedAs(134));

        assertThat(segments().find(tenant, segment.id()).get().wechatTagId()).contains(134L);
        assertThat(segments().list(tenant, card)).extracting(Segment::id).containsExactly(segment.id(), everyone.id());
        assertThat(segments().list(Fixtures.uniqueTenantId(), card)).isEmpty();
    }

    @Test
    void keeps_each_message_sent_and_lists_a_cards_messages_oldest_first() {
        CardMessage failed = new CardMessage("message_2", tenant, card, CardMessage.Kind.MASS, "tag:134",
                Option.of(new SegmentId("segment_1")), Option.none(), Option.of("45065: same message within 24 h"),
                T0.plusSeconds(2));
        CardMessage preview = new CardMessage("message_1", tenant, card, CardMessage.Kind.PREVIEW, "oTester",
                Option.none(), Option.of(3_147_483_649L), Option.none(), T0);
        segments().record(failed);
        segments().record(preview);
        segments().record(new CardMessage("message_3", tenant, new CardId("card_other"),
                CardMessage.Kind.CUSTOMER_SERVICE, "oMember", Option.none(), Option.none(), Option.none(), T0));

        assertThat(segments().messages(tenant, card)).containsExactly(preview, failed);
    }
}
