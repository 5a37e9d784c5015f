package io.wxcard.adapter.wechat;

import feign.form.FormData;
import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardImages;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.card.image.CardImage;

/**
 * {@link WechatCardImages} over {@code /cgi-bin/media/uploadimg}. The picture reaching here already meets WeChat's
 * limits ({@link CardImage}: JPG/PNG, at most 1 MB), so WeChat's 40005 / 40009 / 41005 mean something changed on its
 * side; they come back as client errors with WeChat's own message.
 */
final class FeignCardImages implements WechatCardImages {

    private final OaClients calls;

    FeignCardImages(OaClients calls) {
        this.calls = calls;
    }

    @Override
    public Either<WechatError, String> upload(WechatAccount account, CardImage image) {
        FormData buffer = new FormData(image.type().mediaType(), image.fileName(), image.bytes());
        return calls.callMedia(account, api -> api.uploadImage(buffer))
                .flatMap(answer -> answer.url() == null || answer.url().isBlank()
                        ? Either.left(Answers.missing("url")) : Either.right(answer.url()));
    }
}
