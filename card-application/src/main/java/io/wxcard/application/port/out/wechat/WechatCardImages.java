package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.wxcard.domain.card.image.CardImage;

/** Pictures for cards on WeChat ({@code /cgi-bin/media/uploadimg}): logos and backgrounds must be uploaded first. */
public interface WechatCardImages {

    /**
     * Uploads the picture to WeChat.
     *
     * @return the URL WeChat answered, as it answered it (the caller checks it is one WeChat's card API takes)
     */
    Either<WechatError, String> upload(WechatAccount account, CardImage image);
}
