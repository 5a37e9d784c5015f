package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.fromWechat;
import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.UploadCardImageUseCase;
import io.wxcard.application.port.out.wechat.WechatCardImages;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.card.image.CardImage;
import io.wxcard.domain.card.image.WechatImageUrl;

/** Uploads card pictures: WeChat's limits first ({@link CardImage}), then the call, then the answer checked. */
final class CardImageService implements UploadCardImageUseCase {

    private final WechatCardImages images;
    private final Lookups lookups;

    CardImageService(WechatCardImages images, Lookups lookups) {
        this.images = images;
        this.lookups = lookups;
    }

    @Override
    public Either<Failure, WechatImageUrl> upload(UploadCardImageCommand command) {
        return rejected(CardImage.of(command.picture()))
                .flatMap(image -> lookups.account(command.tenantId())
                        .flatMap(account -> fromWechat(images.upload(account, image))))
                .flatMap(CardImageService::usableOnCards);
    }

    /**
     * WeChat has been reported to answer uploads on another CDN host ({@code mmecoa.qpic.cn}) that its own card API
     * then refuses with 40141: say so now rather than at the card's submission.
     */
    private static Either<Failure, WechatImageUrl> usableOnCards(String url) {
        String problem = WechatImageUrl.problemWith(url);
        if (problem == null) {
            return Either.right(new WechatImageUrl(url));
        }
        return Either.left(new Failure.WechatFailed(new WechatError(WechatError.Kind.TRANSIENT, "40141",
                "WeChat stored the picture but answered a URL its card API refuses (" + url + "): " + problem)));
    }
}
