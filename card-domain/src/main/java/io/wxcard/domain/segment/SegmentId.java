package io.wxcard.domain.segment;

import io.wxcard.domain.shared.Text;

/** Our identifier of a segment of a card's members. */
public record SegmentId(String value) {
    public SegmentId {
        Text.requireIdentifier(value, "segment id", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
