package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.TenantId;
import java.util.Objects;

/** Records WeChat's review of a card ({@code card_pass_check} / {@code card_not_pass_check}). */
public interface RecordReviewResultUseCase {

    Either<Failure, Card> record(ReviewResult result);

    record ReviewResult(TenantId tenantId, WechatCardId wechatCardId, boolean passed, Option<String> refusalReason) {
        public ReviewResult {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(wechatCardId, "WeChat card id");
            Objects.requireNonNull(refusalReason, "refusal reason");
        }
    }
}
