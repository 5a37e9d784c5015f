package io.wxcard.application.testing;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.push.DecodedPush;
import io.wxcard.application.port.out.wechat.push.PushCredentials;
import io.wxcard.application.port.out.wechat.push.PushRejection;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.application.port.out.wechat.push.WechatPushDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A push decoder for the services' tests: it answers what the test scripted for a body. The real decoder (signatures,
 * AES, XML) is adapter-wechat's and is tested there against WeChat's vectors; here only what the services do with a
 * decoded push matters.
 */
public final class ScriptedPushDecoder implements WechatPushDecoder {

    private final Map<String, Either<PushRejection, DecodedPush>> script = new ConcurrentHashMap<>();

    public PushRequest willDecode(String body, DecodedPush push) {
        script.put(body, Either.right(push));
        return new PushRequest("POST", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public PushRequest willRefuse(String body, PushRejection rejection) {
        script.put(body, Either.left(rejection));
        return new PushRequest("POST", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Either<PushRejection, DecodedPush> decode(PushCredentials credentials, PushRequest request,
                                                     java.time.Instant now) {
        String body = new String(request.body(), StandardCharsets.UTF_8);
        return script.getOrDefault(body, Either.left(new PushRejection(PushRejection.Reason.MALFORMED, "not scripted")));
    }
}
