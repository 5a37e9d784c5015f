package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.fromWechat;
import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.wxcard.application.port.in.DistributeCardUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.wechat.CardExtRequest;
import io.wxcard.application.port.out.wechat.LandingPage;
import io.wxcard.application.port.out.wechat.LandingPageRequest;
import io.wxcard.application.port.out.wechat.QrCode;
import io.wxcard.application.port.out.wechat.QrCodeRequest;
import io.wxcard.application.port.out.wechat.SignedCardExt;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardDistribution;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.function.BiFunction;

/** Hands cards out. Only a card WeChat shows (approved, or under review for whitelisted testers) can be handed out. */
final class DistributionService implements DistributeCardUseCase {

    private final WechatCardDistribution distribution;
    private final Lookups lookups;

    DistributionService(WechatCardDistribution distribution, Lookups lookups) {
        this.distribution = distribution;
        this.lookups = lookups;
    }

    @Override
    public Either<Failure, QrCode> createQrCode(CreateQrCodeCommand command) {
        return withDistributableCard(command.tenantId(), command.cardId(), (account, wechatCardId) ->
                fromWechat(distribution.createQrCode(account, new QrCodeRequest(wechatCardId, command.code(),
                        command.openId(), command.uniqueCode(), command.outerStr(), command.expireSeconds()))));
    }

    @Override
    public Either<Failure, LandingPage> createLandingPage(CreateLandingPageCommand command) {
        return withDistributableCard(command.tenantId(), command.cardId(), (account, wechatCardId) ->
                fromWechat(distribution.createLandingPage(account, new LandingPageRequest(command.bannerUrl(),
                        command.pageTitle(), command.canShare(), command.scene(),
                        List.of(new LandingPageRequest.Entry(wechatCardId, command.thumbUrl()))))));
    }

    @Override
    public Either<Failure, SignedCardExt> signCardExt(SignCardExtCommand command) {
        return withDistributableCard(command.tenantId(), command.cardId(), (account, wechatCardId) ->
                fromWechat(distribution.signCardExt(account, new CardExtRequest(wechatCardId, command.code(),
                        command.openId(), command.fixedBeginTimestamp(), command.outerStr()))));
    }

    private <T> Either<Failure, T> withDistributableCard(
            TenantId tenantId, CardId cardId, BiFunction<WechatAccount, WechatCardId, Either<Failure, T>> call) {
        return lookups.card(tenantId, cardId)
                .flatMap(card -> rejected(card.checkDistributable()))
                .flatMap(wechatCardId -> lookups.account(tenantId).flatMap(account -> call.apply(account, wechatCardId)));
    }
}
