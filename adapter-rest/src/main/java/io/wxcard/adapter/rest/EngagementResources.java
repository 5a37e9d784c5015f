package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxcard.application.port.in.ManageStoresUseCase.StoreQrCode;
import io.wxcard.domain.segment.CardMessage;
import io.wxcard.domain.segment.Segment;
import io.wxcard.domain.segment.SegmentCriteria;
import io.wxcard.domain.store.Store;
import io.wxcard.domain.store.StoreId;
import java.util.List;

/** The JSON of the stores', segments' and card messages' routes (issue 17 items 4 and 6). */
final class EngagementResources {

    private EngagementResources() {}

    @Schema(description = "A store: where members are brought in. PATCH takes the same fields as a merge patch.")
    record StoreRequest(
            @Schema(description = "1 to " + Store.MAX_NAME + " characters.", requiredMode = REQUIRED) String name,
            @Schema(description = "1 to " + Store.MAX_ADDRESS + " characters.", requiredMode = REQUIRED) String address,
            @Schema(description = "WeChat's location_id (a POI of the account), where the merchant has one.")
            Long locationId) {}

    record StoreResource(String id, String name, String address, Long locationId,
                         @Schema(description = "The outer_str of the store's QR codes: store-<id>.") String outerStr,
                         String createdAt) {}

    record Stores(List<StoreResource> items) {}

    @Schema(description = "A QR code handing the card out as the store's: a new member's receipt, and a holder's "
            + "view of the card (WeChat opens the card they hold), carry the store's outer_str.")
    record StoreQrCodeResource(String storeId, String cardId, String outerStr, String ticket, String url,
                               String showQrcodeUrl, Integer expireSeconds) {}

    @Schema(description = "A segment of the card's members: every criterion given must hold (none: every member). "
            + "Its name becomes the WeChat tag's name.")
    record SegmentRequest(
            @Schema(description = "At most " + Segment.MAX_NAME_BYTES + " bytes in UTF-8 (a Chinese character takes "
                    + "3).", requiredMode = REQUIRED) String name,
            @Schema(description = "At least this many points.") Long minPoints,
            @Schema(description = "At most this many points.") Long maxPoints,
            @Schema(description = "Brought in by this store (its id).") String store,
            @Schema(description = "A ledger entry or store visit in the last this many days, 1 to "
                    + SegmentCriteria.MAX_ACTIVE_WITHIN_DAYS + ".") Integer activeWithinDays,
            @Schema(description = "Imported from the merchant's systems (true) or joined on WeChat (false).")
            Boolean imported,
            @Schema(description = "At this member level (the card's loyalty levels).") String level) {}

    record SegmentResource(String id, String cardId, String name, SegmentRequest criteria,
                           @Schema(description = "The WeChat user tag, once synced.") Long wechatTagId,
                           String createdAt,
                           @Schema(description = "How many members the segment selects now (single reads only).")
                           Integer members) {}

    record Segments(List<SegmentResource> items) {}

    @Schema(description = "A sync: the segment is a WeChat tag, its members carry it, and members who left it no "
            + "longer do.")
    record SegmentSyncResource(SegmentResource segment, int tagged, int untagged) {}

    @Schema(description = "message/mass/preview: the card to one test follower first.")
    record PreviewRequest(@Schema(description = "The test follower's openid.", requiredMode = REQUIRED) String openid) {}

    record CardMessageResource(String id, String cardId,
                               @Schema(description = "PREVIEW, MASS (to a segment's tag) or CUSTOMER_SERVICE.")
                               String kind,
                               @Schema(description = "The openid, or tag:<id> for a mass send.") String target,
                               String segmentId, @Schema(description = "WeChat's msg_id.") Long msgId,
                               boolean delivered,
                               @Schema(description = "WeChat's refusal (errcode: errmsg), when it refused.")
                               String failure, String sentAt) {}

    record CardMessages(List<CardMessageResource> items) {}

    static StoreResource of(Store store) {
        return new StoreResource(store.id().value(), store.name(), store.address(), store.locationId().getOrNull(),
                store.outerStr(), store.createdAt().toString());
    }

    static StoreQrCodeResource of(StoreQrCode code, String cardId) {
        return new StoreQrCodeResource(code.store().id().value(), cardId, code.outerStr(), code.qrCode().ticket(),
                code.qrCode().url(), code.qrCode().showQrcodeUrl(), code.qrCode().expireSeconds().getOrNull());
    }

    static SegmentResource of(Segment segment, Integer members) {
        SegmentCriteria c = segment.criteria();
        return new SegmentResource(segment.id().value(), segment.cardId().value(), segment.name(),
                new SegmentRequest(null, c.minPoints().getOrNull(), c.maxPoints().getOrNull(),
                        c.store().map(StoreId::value).getOrNull(), c.activeWithinDays().getOrNull(),
                        c.imported().getOrNull(), c.level().getOrNull()),
                segment.wechatTagId().getOrNull(), segment.createdAt().toString(), members);
    }

    static CardMessageResource of(CardMessage m) {
        return new CardMessageResource(m.id(), m.cardId().value(), m.kind().name(), m.target(),
                m.segmentId().map(Object::toString).getOrNull(), m.msgId().getOrNull(), m.delivered(),
                m.failure().getOrNull(), m.sentAt().toString());
    }
}
