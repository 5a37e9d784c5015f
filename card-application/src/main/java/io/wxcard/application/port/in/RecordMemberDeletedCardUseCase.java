package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.tenant.TenantId;

/** Records a member deleting a card from their WeChat wallet ({@code user_del_card}). */
public interface RecordMemberDeletedCardUseCase {
    Either<Failure, Membership> recordDeleted(TenantId tenantId, WechatCardId wechatCardId, Code code);
}
