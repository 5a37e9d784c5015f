package io.wxcard.application.service;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.SendCardMessagesUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.SegmentStore;
import io.wxcard.application.port.out.wechat.WechatCardMessages;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.segment.CardMessage;
import io.wxcard.domain.segment.MassSendCap;
import io.wxcard.domain.segment.MassSendPolicy;
import io.wxcard.domain.segment.SegmentId;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends the card as a message. A mass send needs a recent preview ({@link MassSendPolicy}) and room under WeChat's
 * monthly cap ({@link MassSendCap}); both are checked before WeChat is called. A send WeChat refuses is kept too (with WeChat's code), then answered as the failure it
 * is: the merchant's record shows every attempt.
 */
final class CardMessageService implements SendCardMessagesUseCase {

    private final SegmentStore segments;
    private final WechatCardMessages messages;
    private final Lookups lookups;
    private final Clock clock;
    private final IdGenerator ids;

    CardMessageService(SegmentStore segments, WechatCardMessages messages, Lookups lookups, Clock clock,
                       IdGenerator ids) {
        this.segments = segments;
        this.messages = messages;
        this.lookups = lookups;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Either<Failure, CardMessage> preview(TenantId tenantId, CardId cardId, OpenId testOpenId) {
        return cardOnWechat(tenantId, cardId).flatMap(card -> lookups.account(tenantId).flatMap(account ->
                send(card, CardMessage.Kind.PREVIEW, testOpenId.value(), Option.none(),
                        () -> messages.preview(account, testOpenId, card.wechatCardId().get()).map(Option::of))));
    }

    @Override
    public Either<Failure, CardMessage> sendToSegment(TenantId tenantId, CardId cardId, SegmentId segmentId) {
        return cardOnWechat(tenantId, cardId).flatMap(card -> segments.find(tenantId, segmentId)
                .filter(segment -> segment.cardId().equals(cardId))
                .toEither(() -> (Failure) new Failure.NotFound("segment " + segmentId + " of card " + cardId))
                .flatMap(segment -> segment.wechatTagId().toEither(() -> (Failure) new Failure.Rejected(
                        Rejection.of(RejectionCode.SEGMENT_NOT_SYNCED, "segment " + segmentId + " is not a WeChat tag "
                                + "yet: sync it first (POST /v1/cards/" + cardId + "/segments/" + segmentId + "/sync)"))))
                .flatMap(tagId -> Lookups.rejected(MassSendPolicy.previewBefore(segments.messages(tenantId, cardId),
                                cardId, clock.now())
                                .flatMap(preview -> MassSendCap.SERVICE_ACCOUNT.allows(
                                        segments.messages(tenantId, cardId), segmentId, clock.now())))
                        .flatMap(room -> lookups.account(tenantId))
                        .flatMap(account -> send(card, CardMessage.Kind.MASS, "tag:" + tagId, Option.of(segmentId),
                                () -> messages.sendToTag(account, tagId, card.wechatCardId().get()).map(Option::of)))));
    }

    @Override
    public Either<Failure, CardMessage> sendToMember(TenantId tenantId, CardId cardId, OpenId openId) {
        return cardOnWechat(tenantId, cardId).flatMap(card -> lookups.account(tenantId).flatMap(account ->
                send(card, CardMessage.Kind.CUSTOMER_SERVICE, openId.value(), Option.none(),
                        () -> messages.sendToMember(account, openId, card.wechatCardId().get())
                                .map(done -> Option.<Long>none()))));
    }

    @Override
    public Either<Failure, List<CardMessage>> messages(TenantId tenantId, CardId cardId) {
        return lookups.card(tenantId, cardId).map(card -> segments.messages(tenantId, cardId));
    }

    private Either<Failure, Card> cardOnWechat(TenantId tenantId, CardId cardId) {
        return lookups.card(tenantId, cardId).flatMap(card -> Lookups.rejected(card.checkDistributable())
                .map(wechatCardId -> card));
    }

    private Either<Failure, CardMessage> send(Card card, CardMessage.Kind kind, String target,
                                             Option<SegmentId> segmentId,
                                             Supplier<Either<WechatError, Option<Long>>> call) {
        Either<WechatError, Option<Long>> answer = call.get();
        CardMessage message = new CardMessage(ids.newId("message"), card.tenantId(), card.id(), kind, target,
                segmentId, answer.fold(error -> Option.none(), Function.identity()),
                answer.fold(error -> Option.of(error.code() + ": " + error.message()), ok -> Option.none()),
                clock.now());
        segments.record(message);
        return Lookups.fromWechat(answer).map(ok -> message);
    }
}
