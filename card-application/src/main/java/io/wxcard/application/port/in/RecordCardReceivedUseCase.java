package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.UnionId;
import io.wxcard.domain.tenant.TenantId;
import java.util.Objects;

/**
 * Records a member receiving a card ({@code user_get_card}), or restoring one they had deleted
 * ({@code IsRestoreMemberCard=1}).
 */
public interface RecordCardReceivedUseCase {

    Either<Failure, Membership> recordReceived(CardReceived received);

    record CardReceived(TenantId tenantId, WechatCardId wechatCardId, Code code, OpenId openId,
                        Option<String> outerStr, boolean restored, Option<String> unionId) {
        /** A receipt without a unionid (WeChat gives one only to accounts bound to an Open Platform account). */
        public CardReceived(TenantId tenantId, WechatCardId wechatCardId, Code code, OpenId openId,
                            Option<String> outerStr, boolean restored) {
            this(tenantId, wechatCardId, code, openId, outerStr, restored, Option.none());
        }

        public CardReceived {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(wechatCardId, "WeChat card id");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(openId, "openid");
            Objects.requireNonNull(outerStr, "outer_str");
            Objects.requireNonNull(unionId, "unionid");
            unionId = unionId.flatMap(UnionId::parse).map(UnionId::value);
        }
    }
}
