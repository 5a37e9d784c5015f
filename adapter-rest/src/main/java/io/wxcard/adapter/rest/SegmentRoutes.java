package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.vavr.control.Option;
import io.wxcard.adapter.rest.EngagementResources.CardMessageResource;
import io.wxcard.adapter.rest.EngagementResources.CardMessages;
import io.wxcard.adapter.rest.EngagementResources.PreviewRequest;
import io.wxcard.adapter.rest.EngagementResources.SegmentRequest;
import io.wxcard.adapter.rest.EngagementResources.SegmentResource;
import io.wxcard.adapter.rest.EngagementResources.SegmentSyncResource;
import io.wxcard.adapter.rest.EngagementResources.Segments;
import io.wxcard.application.port.in.FindCardsQuery;
import io.wxcard.application.port.in.FindMembershipsQuery;
import io.wxcard.application.port.in.ManageSegmentsUseCase.DefineSegmentCommand;
import io.wxcard.application.port.in.ManageSegmentsUseCase.SegmentSync;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.segment.Segment;
import io.wxcard.domain.segment.SegmentCriteria;
import io.wxcard.domain.segment.SegmentId;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.store.StoreId;

/**
 * A card's segments, their WeChat tags, and the card sent as a message (issue 17 item 6): a preview to a test
 * follower, a mass send to a segment's tag (refused, 409 MASS_SEND_NOT_PREVIEWED, without a preview WeChat took in the
 * last 24 hours), one member in a customer-service message; every send is kept, WeChat's refusals included.
 */
final class SegmentRoutes {

    private static final String TAG = "segments";
    private static final String SEGMENTS = "/v1/cards/{id}/segments";
    private static final String SEGMENT = SEGMENTS + "/{segment}";
    private static final String MESSAGES = "/v1/cards/{id}/card-messages";
    private static final String TO_MEMBER = "/v1/cards/{id}/memberships/{code}/card-messages";
    private static final Integer[] SEND_ERRORS = {404, 409, 413, 415, 422, 502, 503};

    private final EngagementUseCases useCases;
    private final FindCardsQuery cards;
    private final FindMembershipsQuery memberships;

    SegmentRoutes(EngagementUseCases useCases, FindCardsQuery cards, FindMembershipsQuery memberships) {
        this.useCases = useCases;
        this.cards = cards;
        this.memberships = memberships;
    }

    void register(Javalin app, ApiDocs docs) {
        app.post(SEGMENTS, this::define, Access.API_KEY);
        docs.operation(POST, SEGMENTS, "defineSegment", "Define a segment of the card's members", TAG,
                        404, 409, 413, 415, 422)
                .requestBody(docs.body(SegmentRequest.class, true))
                .getResponses().addApiResponse("201", docs.answer(SegmentResource.class));
        app.get(SEGMENTS, ctx -> ctx.json(new Segments(Problems.orAnswer(useCases.segments().segments(
                Access.tenant(ctx), Params.cardId(ctx))).stream().map(s -> EngagementResources.of(s, null)).toList())),
                Access.API_KEY);
        docs.operation(GET, SEGMENTS, "listSegments", "List the card's segments, oldest first", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(Segments.class));
        app.get(SEGMENT, this::read, Access.API_KEY);
        docs.operation(GET, SEGMENT, "getSegment", "Read a segment and how many members it selects now", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(SegmentResource.class));
        app.post(SEGMENT + "/sync", this::sync, Access.API_KEY);
        docs.operation(POST, SEGMENT + "/sync", "syncSegment", "Make the segment a WeChat tag its members carry", TAG,
                        SEND_ERRORS)
                .description("tags/create once (a tag of the same name is taken over), then members/batchtagging of "
                        + "the members it selects now, " + Segment.MAX_TAGGED_PER_CALL + " a call, and "
                        + "members/batchuntagging of those who carry the tag but left the segment. Sync before a "
                        + "mass send.")
                .getResponses().addApiResponse("200", docs.answer(SegmentSyncResource.class));
        app.post(SEGMENT + "/previews", this::preview, Access.API_KEY);
        docs.operation(POST, SEGMENT + "/previews", "previewCardMessage", "Send the card to a test follower first", TAG,
                        SEND_ERRORS)
                .requestBody(docs.body(PreviewRequest.class, true))
                .getResponses().addApiResponse("201", docs.answer(CardMessageResource.class));
        app.post(SEGMENT + "/mass-sends", this::massSend, Access.API_KEY);
        docs.operation(POST, SEGMENT + "/mass-sends", "massSendCard", "Send the card to the segment's WeChat tag", TAG,
                        SEND_ERRORS)
                .description("message/mass/sendall with the card, filtered by the segment's tag. Refused (409, code "
                        + "MASS_SEND_NOT_PREVIEWED) unless a preview of the card was accepted in the last 24 hours, "
                        + "and (409, SEGMENT_NOT_SYNCED) before the segment's first sync. Nothing is sent then.")
                .getResponses().addApiResponse("201", docs.answer(CardMessageResource.class));
        app.post(TO_MEMBER, this::toMember, Access.API_KEY);
        docs.operation(POST, TO_MEMBER, "sendCardToMember", "Send the card to one member (customer-service message)",
                        "segments", SEND_ERRORS)
                .description("message/custom/send: WeChat takes it only within 48 hours of the member's last "
                        + "message to the account (else 502 with wechat_errcode 45015).")
                .getResponses().addApiResponse("201", docs.answer(CardMessageResource.class));
        app.get(MESSAGES, ctx -> ctx.json(new CardMessages(Problems.orAnswer(useCases.messages().messages(
                Access.tenant(ctx), Params.cardId(ctx))).stream().map(EngagementResources::of).toList())),
                Access.API_KEY);
        docs.operation(GET, MESSAGES, "listCardMessages", "List the card's sends and what WeChat answered", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(CardMessages.class));
    }

    private void define(Context ctx) {
        CardId cardId = Params.cardId(ctx);
        Problems.orAnswer(cards.card(Access.tenant(ctx), cardId)); // an unknown card is a 404 whatever the body
        SegmentRequest r = Params.body(ctx, SegmentRequest.class);
        Checks checks = new Checks();
        checks.required("name", r.name());
        Option<StoreId> store = checks.parse("store", r.store(), StoreId::new);
        checks.answerIfAny(RejectionCode.SEGMENT_INVALID, "the segment is not valid");
        var criteria = new SegmentCriteria(Option.of(r.minPoints()), Option.of(r.maxPoints()), store,
                Option.of(r.activeWithinDays()), Option.of(r.imported()), Option.of(r.level()));
        Segment segment = Problems.orAnswer(useCases.segments().defineSegment(new DefineSegmentCommand(
                Access.tenant(ctx), cardId, r.name(), criteria)));
        ctx.status(201).json(EngagementResources.of(segment, null));
    }

    private void read(Context ctx) {
        Segment segment = segment(ctx);
        int members = Problems.orAnswer(useCases.segments().members(Access.tenant(ctx), segment.id())).size();
        ctx.json(EngagementResources.of(segment, members));
    }

    private void sync(Context ctx) {
        Params.noBody(ctx);
        Segment segment = segment(ctx);
        SegmentSync sync = Problems.orAnswer(useCases.segments().sync(Access.tenant(ctx), segment.id()));
        ctx.json(new SegmentSyncResource(EngagementResources.of(sync.segment(), null), sync.tagged(),
                sync.untagged()));
    }

    private void preview(Context ctx) {
        Segment segment = segment(ctx);
        PreviewRequest request = Params.body(ctx, PreviewRequest.class);
        Checks checks = new Checks();
        Option<OpenId> openId = checks.parseRequired("openid", request.openid(), OpenId::new);
        checks.answerIfAny("the preview is not valid");
        ctx.status(201).json(EngagementResources.of(Problems.orAnswer(useCases.messages().preview(Access.tenant(ctx),
                segment.cardId(), openId.get()))));
    }

    private void massSend(Context ctx) {
        Params.noBody(ctx);
        Segment segment = segment(ctx);
        ctx.status(201).json(EngagementResources.of(Problems.orAnswer(useCases.messages().sendToSegment(
                Access.tenant(ctx), segment.cardId(), segment.id()))));
    }

    private void toMember(Context ctx) {
        Params.noBody(ctx);
        MembershipKey key = Params.membershipKey(ctx);
        OpenId openId = Problems.orAnswer(memberships.membership(key)).openId();
        ctx.status(201).json(EngagementResources.of(Problems.orAnswer(useCases.messages().sendToMember(
                key.tenantId(), key.cardId(), openId))));
    }

    /** The path's segment of the path's card: 404 for an unknown card, or a segment of another. */
    private Segment segment(Context ctx) {
        CardId cardId = Params.cardId(ctx);
        SegmentId segmentId = Params.segmentId(ctx);
        return Problems.orAnswer(useCases.segments().segment(Access.tenant(ctx), cardId, segmentId));
    }
}
