package io.wxcard.application.testing;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardImages;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.card.image.CardImage;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory {@link WechatCardImages}: keeps each picture and answers a URL of the form {@code uploadimg} answers
 * ({@code http://mmbiz.qpic.cn/mmbiz_png/<id>/0}). {@link #answerHost} makes it answer another host, as WeChat has
 * been reported to ({@code mmecoa.qpic.cn}).
 */
public final class InMemoryWechatImages implements WechatCardImages {

    private final Map<String, byte[]> pictures = new ConcurrentHashMap<>();
    private volatile String host = "mmbiz.qpic.cn";

    @Override
    public Either<WechatError, String> upload(WechatAccount account, CardImage image) {
        String url = "http://" + host + "/mmbiz_" + image.type().extension() + "/"
                + UUID.randomUUID().toString().replace("-", "") + "/0";
        pictures.put(url, image.bytes());
        return Either.right(url);
    }

    /** The picture stored under a URL this double answered, or null. */
    public byte[] picture(String url) {
        return pictures.get(url);
    }

    public void answerHost(String host) {
        this.host = host;
    }
}
