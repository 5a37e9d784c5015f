package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.fromWechat;
import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageSegmentsUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.MemberLevels;
import io.wxcard.application.port.out.store.CardStatisticsStore;
import io.wxcard.application.port.out.store.SegmentStore;
import io.wxcard.application.port.out.store.StoreStore;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatUserTags;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.segment.MemberFacts;
import io.wxcard.domain.segment.Segment;
import io.wxcard.domain.segment.SegmentId;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.function.Function;

/** Segments of a card's members and their WeChat tags. */
final class SegmentService implements ManageSegmentsUseCase {

    /** WeChat's answer to a tag name the account already has. */
    private static final String TAG_NAME_TAKEN = "45157";

    private final SegmentStore segments;
    private final StoreStore stores;
    private final CardStatisticsStore records;
    private final MemberLevels levels;
    private final WechatUserTags tags;
    private final Lookups lookups;
    private final Clock clock;
    private final IdGenerator ids;

    SegmentService(SegmentStore segments, StoreStore stores, CardStatisticsStore records, MemberLevels levels,
                   WechatUserTags tags, Lookups lookups, Clock clock, IdGenerator ids) {
        this.segments = segments;
        this.stores = stores;
        this.records = records;
        this.levels = levels;
        this.tags = tags;
        this.lookups = lookups;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Either<Failure, Segment> defineSegment(DefineSegmentCommand command) {
        if (command.criteria().level().isDefined() && !levels.available()) {
            return Either.left(new Failure.Rejected(Rejection.of(RejectionCode.SEGMENT_LEVELS_UNAVAILABLE,
                    "this card has no member levels to select by: leave out level")));
        }
        var store = command.criteria().store();
        if (store.isDefined() && stores.find(command.tenantId(), store.get()).isEmpty()) {
            return Either.left(new Failure.Rejected(Rejection.invalid(RejectionCode.SEGMENT_INVALID,
                    "the segment is not valid", List.of(new Problem("store", "no store " + store.get())))));
        }
        return lookups.card(command.tenantId(), command.cardId())
                .flatMap(card -> rejected(Segment.define(command.tenantId(), new SegmentId(ids.newId("segment")),
                        card.id(), command.name(), command.criteria(), clock.now())))
                .peek(segments::save);
    }

    @Override
    public Either<Failure, List<Segment>> segments(TenantId tenantId, CardId cardId) {
        return lookups.card(tenantId, cardId).map(card -> segments.list(tenantId, cardId));
    }

    @Override
    public Either<Failure, Segment> segment(TenantId tenantId, CardId cardId, SegmentId segmentId) {
        return lookups.card(tenantId, cardId).flatMap(card -> segment(tenantId, segmentId))
                .filterOrElse(segment -> segment.cardId().equals(cardId),
                        other -> new Failure.NotFound("segment " + segmentId + " of card " + cardId));
    }

    @Override
    public Either<Failure, List<MemberFacts>> members(TenantId tenantId, SegmentId segmentId) {
        return segment(tenantId, segmentId).map(this::selected);
    }

    @Override
    public Either<Failure, SegmentSync> sync(TenantId tenantId, SegmentId segmentId) {
        return segment(tenantId, segmentId).flatMap(segment -> lookups.account(tenantId)
                .flatMap(account -> tagOf(account, segment)
                        .flatMap(tagged -> tagMembers(account, tagged))));
    }

    private Either<Failure, Segment> segment(TenantId tenantId, SegmentId segmentId) {
        return segments.find(tenantId, segmentId).toEither(() -> new Failure.NotFound("segment " + segmentId));
    }

    private List<MemberFacts> selected(Segment segment) {
        var now = clock.now();
        return records.memberFacts(segment.tenantId(), segment.cardId()).stream()
                .map(member -> levels.available() ? new MemberFacts(member.code(), member.openId(), member.points(),
                        member.store(), member.lastActivity(), member.imported(),
                        levels.levelOf(new MembershipKey(segment.tenantId(), segment.cardId(), member.code())))
                        : member)
                .filter(member -> segment.criteria().selects(member, now))
                .toList();
    }

    /** The segment's tag: made once; a name WeChat already has (45157) is that tag, taken over. */
    private Either<Failure, Segment> tagOf(WechatAccount account, Segment segment) {
        if (segment.wechatTagId().isDefined()) {
            return Either.right(segment);
        }
        var created = tags.createTag(account, segment.name());
        Either<Failure, Long> tagId = created.isLeft() && created.getLeft().code().equals(TAG_NAME_TAKEN)
                ? fromWechat(tags.tags(account)).flatMap(all -> all.stream()
                        .filter(tag -> tag.name().equals(segment.name())).findFirst()
                        .<Either<Failure, Long>>map(tag -> Either.right(tag.id()))
                        .orElseGet(() -> fromWechat(created)))
                : fromWechat(created);
        return tagId.map(segment::taggedAs).peek(segments::save);
    }

    /** Tags who is selected now, then untags who carries the tag on WeChat but is not selected any more. */
    private Either<Failure, SegmentSync> tagMembers(WechatAccount account, Segment segment) {
        long tagId = segment.wechatTagId().get();
        List<OpenId> openIds = selected(segment).stream().map(MemberFacts::openId).distinct().toList();
        return inBatches(openIds, batch -> tags.tagMembers(account, tagId, batch))
                .flatMap(tagged -> fromWechat(tags.membersOf(account, tagId)))
                .map(carrying -> carrying.stream().filter(openId -> !openIds.contains(openId)).distinct().toList())
                .flatMap(left -> inBatches(left, batch -> tags.untagMembers(account, tagId, batch))
                        .map(untagged -> new SegmentSync(segment, openIds.size(), left.size())));
    }

    /** WeChat takes at most {@link Segment#MAX_TAGGED_PER_CALL} openids a call; the first refusal stops the rest. */
    private static Either<Failure, Done> inBatches(List<OpenId> openIds,
                                                   Function<List<OpenId>, Either<WechatError, Done>> call) {
        for (int from = 0; from < openIds.size(); from += Segment.MAX_TAGGED_PER_CALL) {
            var done = call.apply(openIds.subList(from, Math.min(openIds.size(), from + Segment.MAX_TAGGED_PER_CALL)));
            if (done.isLeft()) {
                return Either.left(new Failure.WechatFailed(done.getLeft()));
            }
        }
        return Either.right(Done.DONE);
    }
}
