package io.wxcard.domain.segment;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One send of a card as a message, and what WeChat answered: kept, so that the merchant sees what went out and a mass
 * send can check that a preview went first.
 *
 * @param target    the openid (preview, customer-service message) or {@code tag:<id>} (mass send)
 * @param segmentId the segment a mass send went to
 * @param msgId     WeChat's {@code msg_id}, when it gave one
 * @param failure   WeChat's refusal, when it refused
 */
public record CardMessage(String id, TenantId tenantId, CardId cardId, Kind kind, String target,
                          Option<SegmentId> segmentId, Option<Long> msgId, Option<String> failure, Instant sentAt) {

    public enum Kind {
        /** {@code message/mass/preview} to one test openid. */
        PREVIEW,
        /** {@code message/mass/sendall} filtered by a tag. */
        MASS,
        /** {@code message/custom/send}: one member, in the 48 hours after they last wrote to the account. */
        CUSTOMER_SERVICE
    }

    public CardMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(cardId, "card id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(segmentId, "segment id");
        Objects.requireNonNull(msgId, "msg id");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(sentAt, "sent at");
    }

    public boolean delivered() {
        return failure.isEmpty();
    }
}
