package io.wxcard.application.port.out.wechat.push;

import io.vavr.control.Either;
import java.time.Instant;

/**
 * Turns what arrived at the push URL into a verified, typed push, or a clean rejection: signatures (constant-time
 * comparison), safe-mode decryption with the appid check, a replay window on timestamps, XML that refuses DOCTYPE,
 * entities and XInclude, and a size limit.
 */
public interface WechatPushDecoder {
    Either<PushRejection, DecodedPush> decode(PushCredentials credentials, PushRequest request, Instant now);
}
