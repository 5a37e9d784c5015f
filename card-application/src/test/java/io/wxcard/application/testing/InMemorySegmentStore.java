package io.wxcard.application.testing;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.SegmentStore;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.segment.CardMessage;
import io.wxcard.domain.segment.Segment;
import io.wxcard.domain.segment.SegmentId;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link SegmentStore} in memory. */
public final class InMemorySegmentStore implements SegmentStore {

    private final Map<List<String>, Segment> segments = new LinkedHashMap<>();
    private final List<CardMessage> messages = new ArrayList<>();

    @Override
    public synchronized void save(Segment segment) {
        segments.put(List.of(segment.tenantId().value(), segment.id().value()), segment);
    }

    @Override
    public synchronized Option<Segment> find(TenantId tenantId, SegmentId segmentId) {
        return Option.of(segments.get(List.of(tenantId.value(), segmentId.value())));
    }

    @Override
    public synchronized List<Segment> list(TenantId tenantId, CardId cardId) {
        return segments.values().stream()
                .filter(segment -> segment.tenantId().equals(tenantId) && segment.cardId().equals(cardId))
                .sorted(Comparator.comparing(Segment::createdAt).thenComparing(segment -> segment.id().value()))
                .toList();
    }

    @Override
    public synchronized void record(CardMessage message) {
        messages.add(message);
    }

    @Override
    public synchronized List<CardMessage> messages(TenantId tenantId, CardId cardId) {
        return messages.stream()
                .filter(message -> message.tenantId().equals(tenantId) && message.cardId().equals(cardId))
                .sorted(Comparator.comparing(CardMessage::sentAt).thenComparing(CardMessage::id)).toList();
    }
}
