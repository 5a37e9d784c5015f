package io.wxcard.domain.card;

import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;

/** Cards brought into each state by the lifecycle's own operations, never by reconstitution shortcuts. */
final class CardStates {
    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    static final TenantId TENANT = new TenantId("tea-house");
    static final WechatCardId WECHAT_ID = new WechatCardId("pFS7Fjg4bc67d27deXz");

    private CardStates() {}

    static Card draft() {
        return Card.draft(new CardId("card1"), TENANT, Definitions.valid(), T0).get().card();
    }

    static Card in(CardState state) {
        Card draft = draft();
        return switch (state) {
            case DRAFT -> draft;
            case UNDER_REVIEW -> draft.submitted(WECHAT_ID, T0.plusSeconds(1)).get().card();
            case REJECTED -> in(CardState.UNDER_REVIEW).reviewRejected("logo is blurry", T0.plusSeconds(2)).get().card();
            case APPROVED -> in(CardState.UNDER_REVIEW).reviewPassed(T0.plusSeconds(2)).get().card();
            case ISSUED -> in(CardState.APPROVED).delivered(T0.plusSeconds(3)).get().card();
            case DELETED -> draft.delete(T0.plusSeconds(1)).get().card();
        };
    }
}
