package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.segment.CardMessage;
import io.wxcard.domain.segment.Segment;
import io.wxcard.domain.segment.SegmentId;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/** Segments of a card's members, and every message of the card sent to them (previews, mass sends, one-to-one). */
public interface SegmentStore {

    /** Adds a segment, or replaces the one of the same id (its WeChat tag once synced). */
    void save(Segment segment);

    Option<Segment> find(TenantId tenantId, SegmentId segmentId);

    /** The card's segments, oldest first. */
    List<Segment> list(TenantId tenantId, CardId cardId);

    void record(CardMessage message);

    /** The card's messages, oldest first. */
    List<CardMessage> messages(TenantId tenantId, CardId cardId);
}
