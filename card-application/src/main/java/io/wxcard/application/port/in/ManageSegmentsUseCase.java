package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.segment.MemberFacts;
import io.wxcard.domain.segment.Segment;
import io.wxcard.domain.segment.SegmentCriteria;
import io.wxcard.domain.segment.SegmentId;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Objects;

/** Segments of a card's members, each synced to a WeChat user tag so that a mass message can reach it. */
public interface ManageSegmentsUseCase {

    Either<Failure, Segment> defineSegment(DefineSegmentCommand command);

    Either<Failure, List<Segment>> segments(TenantId tenantId, CardId cardId);

    /** One of the card's segments; a segment of another card is not found. */
    Either<Failure, Segment> segment(TenantId tenantId, CardId cardId, SegmentId segmentId);

    /** The members the segment selects now. */
    Either<Failure, List<MemberFacts>> members(TenantId tenantId, SegmentId segmentId);

    /**
     * Makes the segment a WeChat tag (once; a tag of the same name already on WeChat is taken over), tags the
     * members it selects now, 50 openids a call, and untags the followers who carry the tag but are no longer
     * selected (WeChat's list of the tag's followers is the truth of who carries it): sync before each mass send.
     */
    Either<Failure, SegmentSync> sync(TenantId tenantId, SegmentId segmentId);

    /** @param untagged followers who carried the tag and left the segment */
    record SegmentSync(Segment segment, int tagged, int untagged) {}

    record DefineSegmentCommand(TenantId tenantId, CardId cardId, String name, SegmentCriteria criteria) {
        public DefineSegmentCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(cardId, "card id");
            Objects.requireNonNull(criteria, "criteria");
        }
    }
}
