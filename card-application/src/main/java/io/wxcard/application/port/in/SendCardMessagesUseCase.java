package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.segment.CardMessage;
import io.wxcard.domain.segment.SegmentId;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/**
 * The card as a message: a preview to a test openid, a mass send to a segment's tag (refused without a recent
 * preview), one-to-one in a customer-service message. Every send is kept with WeChat's answer, refusals included.
 */
public interface SendCardMessagesUseCase {

    Either<Failure, CardMessage> preview(TenantId tenantId, CardId cardId, OpenId testOpenId);

    Either<Failure, CardMessage> sendToSegment(TenantId tenantId, CardId cardId, SegmentId segmentId);

    Either<Failure, CardMessage> sendToMember(TenantId tenantId, CardId cardId, OpenId openId);

    Either<Failure, List<CardMessage>> messages(TenantId tenantId, CardId cardId);
}
