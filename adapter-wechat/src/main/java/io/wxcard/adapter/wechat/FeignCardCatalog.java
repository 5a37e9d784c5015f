package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardCatalog;
import io.wxcard.application.port.out.wechat.WechatCardStatus;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import java.util.ArrayList;
import java.util.List;

/** {@link WechatCardCatalog} over {@code /card/create}, {@code get}, {@code batchget}, {@code update}, ... */
final class FeignCardCatalog implements WechatCardCatalog {

    private final OaClients calls;

    FeignCardCatalog(OaClients calls) {
        this.calls = calls;
    }

    @Override
    public Either<WechatError, WechatCardId> create(WechatAccount account, MemberCardDefinition definition) {
        CardJson.CardEnvelope body;
        try {
            body = MemberCardMapper.toCreate(definition);
        } catch (IllegalArgumentException e) {
            return Either.left(new WechatError(Kind.CLIENT_ERROR, "invalid_definition", e.getMessage()));
        }
        return calls.call(account, api -> api.create(body))
                .flatMap(answer -> Answers.cardId(answer.cardId(), "card_id"));
    }

    @Override
    public Either<WechatError, Boolean> update(WechatAccount account, WechatCardId cardId,
                                               MemberCardDefinition definition) {
        OaJson.UpdateRequest body;
        try {
            body = new OaJson.UpdateRequest(cardId.value(), MemberCardMapper.toUpdate(definition));
        } catch (IllegalArgumentException e) {
            return Either.left(new WechatError(Kind.CLIENT_ERROR, "invalid_definition", e.getMessage()));
        }
        return calls.call(account, api -> api.update(body))
                .map(answer -> Boolean.TRUE.equals(answer.sendCheck()));
    }

    @Override
    public Either<WechatError, WechatCardStatus> get(WechatAccount account, WechatCardId cardId) {
        OaJson.CardIdRequest body = new OaJson.CardIdRequest(cardId.value());
        return calls.call(account, api -> api.get(body))
                .flatMap(answer -> status(cardId, answer));
    }

    private static Either<WechatError, WechatCardStatus> status(WechatCardId cardId, OaJson.GetAnswer answer) {
        CardJson.BaseInfo base = answer.card() == null || answer.card().memberCard() == null ? null
                : answer.card().memberCard().baseInfo();
        if (base == null || base.status() == null) {
            return Either.left(Answers.missing("card.member_card.base_info.status"));
        }
        long quantity = base.sku() == null || base.sku().quantity() == null ? 0 : base.sku().quantity();
        long total = base.sku() == null || base.sku().totalQuantity() == null ? quantity : base.sku().totalQuantity();
        return Either.right(new WechatCardStatus(cardId, base.status(), quantity, total, definitionOf(answer)));
    }

    /** The card as WeChat shows it; none when the answer does not read back into a definition. */
    private static Option<MemberCardDefinition> definitionOf(OaJson.GetAnswer answer) {
        try {
            return Option.of(MemberCardMapper.fromJson(answer.card().memberCard()));
        } catch (RuntimeException unreadable) {
            return Option.none();
        }
    }

    @Override
    public Either<WechatError, List<WechatCardId>> list(WechatAccount account, int offset, int count) {
        OaJson.BatchGetRequest body = new OaJson.BatchGetRequest(offset, count, null);
        return calls.call(account, api -> api.batchGet(body))
                .flatMap(answer -> {
                    List<WechatCardId> ids = new ArrayList<>();
                    for (String id : Answers.listOrEmpty(answer.cardIdList())) {
                        Either<WechatError, WechatCardId> cardId = Answers.cardId(id, "card_id_list[]");
                        if (cardId.isLeft()) {
                            return Either.left(cardId.getLeft());
                        }
                        ids.add(cardId.get());
                    }
                    return Either.right(List.copyOf(ids));
                });
    }

    @Override
    public Either<WechatError, Done> delete(WechatAccount account, WechatCardId cardId) {
        OaJson.CardIdRequest body = new OaJson.CardIdRequest(cardId.value());
        return calls.call(account, api -> api.delete(body))
                .map(answer -> Done.DONE);
    }

    @Override
    public Either<WechatError, Done> changeStock(WechatAccount account, WechatCardId cardId, long delta) {
        if (delta == 0) {
            return Either.right(Done.DONE);
        }
        OaJson.ModifyStockRequest body = new OaJson.ModifyStockRequest(cardId.value(), delta > 0 ? delta : null,
                delta < 0 ? -delta : null);
        return calls.call(account, api -> api.modifyStock(body))
                .map(answer -> Done.DONE);
    }
}
