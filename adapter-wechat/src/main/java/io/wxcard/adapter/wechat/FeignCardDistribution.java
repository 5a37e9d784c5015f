package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.CardExtRequest;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.LandingPage;
import io.wxcard.application.port.out.wechat.LandingPageRequest;
import io.wxcard.application.port.out.wechat.QrCode;
import io.wxcard.application.port.out.wechat.QrCodeRequest;
import io.wxcard.application.port.out.wechat.SignedCardExt;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardDistribution;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.card.TestWhitelist;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import java.time.Duration;

/** {@link WechatCardDistribution}: QR codes, landing pages, cardExt signatures, mass-message HTML, test whitelist. */
final class FeignCardDistribution implements WechatCardDistribution {

    private final OaClients calls;
    private final CredentialCache cardTickets;
    private final Duration callDeadline;
    private final Clock clock;

    FeignCardDistribution(OaClients calls, CredentialCache cardTickets, Duration callDeadline, Clock clock) {
        this.calls = calls;
        this.cardTickets = cardTickets;
        this.callDeadline = callDeadline;
        this.clock = clock;
    }

    @Override
    public Either<WechatError, QrCode> createQrCode(WechatAccount account, QrCodeRequest request) {
        OaJson.QrCodeRequest body = new OaJson.QrCodeRequest("QR_CARD", request.expireSeconds().getOrNull(),
                new OaJson.ActionInfo(new OaJson.QrCard(request.cardId().value(),
                        request.code().map(Code::value).getOrNull(), request.openId().map(OpenId::value).getOrNull(),
                        request.uniqueCode(), request.outerStr().getOrNull())));
        return calls.call(account, api -> api.createQrCode(body))
                .flatMap(answer -> answer.ticket() == null || answer.ticket().isEmpty()
                        ? Either.left(Answers.missing("ticket"))
                        : Either.right(new QrCode(answer.ticket(), answer.url(), answer.showQrcodeUrl(),
                                Option.of(answer.expireSeconds()))));
    }

    @Override
    public Either<WechatError, LandingPage> createLandingPage(WechatAccount account, LandingPageRequest request) {
        OaJson.LandingPageRequest body = new OaJson.LandingPageRequest(request.bannerUrl(), request.pageTitle(),
                request.canShare(), request.scene(), request.cards().stream()
                        .map(entry -> new OaJson.LandingCard(entry.cardId().value(), entry.thumbUrl())).toList());
        return calls.call(account, api -> api.createLandingPage(body))
                .flatMap(answer -> answer.url() == null || answer.pageId() == null
                        ? Either.left(Answers.missing("url or page_id"))
                        : Either.right(new LandingPage(answer.url(), answer.pageId())));
    }

    /** Signs with the account's current ticket (fetched and cached like the access_token); timestamp in seconds. */
    @Override
    public Either<WechatError, SignedCardExt> signCardExt(WechatAccount account, CardExtRequest request) {
        return cardTickets.current(account, Deadline.after(callDeadline)).map(ticket -> {
            String timestamp = Long.toString(clock.now().getEpochSecond());
            String nonce = CardExtSigner.nonce();
            Option<String> code = request.code().map(Code::value);
            Option<String> openId = request.openId().map(OpenId::value);
            String signature = CardExtSigner.signature(ticket, timestamp, request.cardId().value(),
                    code.getOrNull(), openId.getOrNull(), nonce);
            return new SignedCardExt(request.cardId(), code, openId, timestamp, nonce, request.fixedBeginTimestamp(),
                    request.outerStr(), signature);
        });
    }

    @Override
    public Either<WechatError, String> massMessageHtml(WechatAccount account, WechatCardId cardId) {
        OaJson.CardIdRequest body = new OaJson.CardIdRequest(cardId.value());
        return calls.call(account, api -> api.massMessageHtml(body))
                .flatMap(answer -> answer.content() == null ? Either.left(Answers.missing("content"))
                        : Either.right(answer.content()));
    }

    @Override
    public Either<WechatError, Done> setTestWhitelist(WechatAccount account, TestWhitelist whitelist) {
        OaJson.WhitelistRequest body = new OaJson.WhitelistRequest(
                whitelist.openids().isEmpty() ? null : whitelist.openids(),
                whitelist.usernames().isEmpty() ? null : whitelist.usernames());
        return calls.call(account, api -> api.setTestWhitelist(body))
                .map(answer -> Done.DONE);
    }
}
