package io.wxcard.domain.segment;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named group of one card's members, defined by {@link SegmentCriteria}, that becomes a WeChat user tag so that a
 * mass message can reach it. The name is the tag's name.
 *
 * @param wechatTagId the tag WeChat gave the segment, once synced
 */
public record Segment(TenantId tenantId, SegmentId id, CardId cardId, String name, SegmentCriteria criteria,
                      Option<Long> wechatTagId, Instant createdAt) {

    /** WeChat: a tag's name is at most 30 bytes (error 45158); one page says 30 characters, bytes is the stricter. */
    public static final int MAX_NAME_BYTES = 30;
    /** WeChat: {@code tags/members/batchtagging} takes at most 50 openids a call. */
    public static final int MAX_TAGGED_PER_CALL = 50;

    public Segment {
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(id, "segment id");
        Objects.requireNonNull(cardId, "card id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(wechatTagId, "WeChat tag id");
        Objects.requireNonNull(createdAt, "created at");
    }

    /** A new segment, not yet a tag; every problem of the name and criteria at once. */
    public static Either<Rejection, Segment> define(TenantId tenantId, SegmentId id, CardId cardId, String name,
                                                    SegmentCriteria criteria, Instant now) {
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new Problem("name", "must not be blank"));
        } else if (utf8Bytes(name) > MAX_NAME_BYTES) {
            problems.add(new Problem("name", "must be at most " + MAX_NAME_BYTES + " bytes in UTF-8 (a Chinese "
                    + "character takes 3): it becomes a WeChat tag's name"));
        }
        problems.addAll(criteria.problems());
        if (!problems.isEmpty()) {
            return Either.left(Rejection.invalid(RejectionCode.SEGMENT_INVALID, "the segment is not valid", problems));
        }
        return Either.right(new Segment(tenantId, id, cardId, name, criteria, Option.none(), now));
    }

    /** UTF-8 length, counted here: the domain reads no charset (java.nio is outside what it may use). */
    static int utf8Bytes(String text) {
        return text.codePoints().map(c -> c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4).sum();
    }

    public Segment taggedAs(long tagId) {
        return new Segment(tenantId, id, cardId, name, criteria, Option.of(tagId), createdAt);
    }
}
