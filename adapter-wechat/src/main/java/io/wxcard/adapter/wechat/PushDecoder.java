package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.push.DecodedPush;
import io.wxcard.application.port.out.wechat.push.PushCredentials;
import io.wxcard.application.port.out.wechat.push.PushRejection;
import io.wxcard.application.port.out.wechat.push.PushRejection.Reason;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.application.port.out.wechat.push.WechatPushDecoder;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * {@link WechatPushDecoder}: framework-free, so any HTTP layer can hand it the query and the raw body. In order:
 * size limit; the GET {@code echostr} handshake; the account's mode (a safe-mode account refuses plain pushes and a
 * plain one refuses encrypted pushes); the signature, compared in constant time ({@code signature} in plain mode,
 * {@code msg_signature} over the encrypted body in safe mode); the replay window on {@code timestamp}; safe-mode
 * decryption with the appid check; safe XML; the typed push.
 */
final class PushDecoder implements WechatPushDecoder {

    private final Duration replayWindow;
    private final int maxBytes;

    PushDecoder(WechatSettings settings) {
        this.replayWindow = settings.pushReplayWindow();
        this.maxBytes = settings.maxPushBytes();
    }

    @Override
    public Either<PushRejection, DecodedPush> decode(PushCredentials credentials, PushRequest request, Instant now) {
        if (request.body().length > maxBytes) {
            return reject(Reason.TOO_LARGE, "the body has " + request.body().length + " bytes, at most " + maxBytes
                    + " are accepted");
        }
        Map<String, String> query = request.query();
        String method = request.method() == null ? "" : request.method().toUpperCase(Locale.ROOT);
        String token = credentials.token().reveal();
        String timestamp = query.get("timestamp");
        String nonce = query.get("nonce");
        if (timestamp == null || nonce == null) {
            return reject(Reason.BAD_SIGNATURE, "timestamp and nonce are required to check the signature");
        }
        if (method.equals("GET")) {
            String echostr = query.get("echostr");
            if (echostr == null) {
                return reject(Reason.MALFORMED, "a GET to the push URL is WeChat's check and carries echostr");
            }
            return checked(PushCrypto.matches(PushCrypto.signature(token, timestamp, nonce), query.get("signature")),
                    timestamp, now).map(ok -> new DecodedPush.Handshake(echostr));
        }
        if (!method.equals("POST")) {
            return reject(Reason.MALFORMED, "WeChat pushes with POST, not " + method);
        }
        String encryptType = query.getOrDefault("encrypt_type", "raw").toLowerCase(Locale.ROOT);
        if (!encryptType.equals("aes") && !encryptType.equals("raw")) {
            return reject(Reason.MALFORMED, "unknown encrypt_type " + encryptType);
        }
        boolean encrypted = encryptType.equals("aes");
        if (encrypted && credentials.mode() == PushMode.PLAIN) {
            return reject(Reason.WRONG_MODE, "an encrypted push for an account in plain mode");
        }
        if (!encrypted && credentials.mode() == PushMode.SAFE) {
            return reject(Reason.WRONG_MODE, "a plain push for an account in safe mode");
        }
        return encrypted ? safe(credentials, query, request.body(), timestamp, nonce, now)
                : plain(token, query, request.body(), timestamp, nonce, now);
    }

    private Either<PushRejection, DecodedPush> plain(String token, Map<String, String> query, byte[] body,
                                                     String timestamp, String nonce, Instant now) {
        return checked(PushCrypto.matches(PushCrypto.signature(token, timestamp, nonce), query.get("signature")),
                timestamp, now)
                .flatMap(ok -> SafeXml.fields(body))
                .flatMap(fields -> fields.containsKey("Encrypt")
                        ? reject(Reason.WRONG_MODE, "an encrypted body without encrypt_type=aes")
                        : PushEvents.decode(fields));
    }

    private Either<PushRejection, DecodedPush> safe(PushCredentials credentials, Map<String, String> query,
                                                    byte[] body, String timestamp, String nonce, Instant now) {
        String token = credentials.token().reveal();
        String signature = query.get("signature");
        if (signature != null && !PushCrypto.matches(PushCrypto.signature(token, timestamp, nonce), signature)) {
            return reject(Reason.BAD_SIGNATURE, "the signature does not match");
        }
        if (query.get("msg_signature") == null) {
            return reject(Reason.BAD_SIGNATURE, "an encrypted push needs msg_signature");
        }
        return SafeXml.fields(body).flatMap(envelope -> {
            String encrypt = envelope.get("Encrypt");
            if (encrypt == null || encrypt.isBlank()) {
                return reject(Reason.WRONG_MODE, "a plain body sent as an encrypted push (no Encrypt)");
            }
            boolean valid = PushCrypto.matches(PushCrypto.signature(token, timestamp, nonce, encrypt),
                    query.get("msg_signature"));
            String aesKey = credentials.encodingAesKey().map(Secret::reveal).getOrElse("");
            return checked(valid, timestamp, now)
                    .flatMap(ok -> PushCrypto.decrypt(aesKey, credentials.appId().value(), encrypt))
                    .flatMap(SafeXml::fields)
                    .flatMap(fields -> fields.containsKey("Encrypt")
                            ? reject(Reason.MALFORMED, "an encrypted message inside an encrypted message")
                            : PushEvents.decode(fields));
        });
    }

    /** The signature first, then the replay window. */
    private Either<PushRejection, Boolean> checked(boolean signatureMatches, String timestamp, Instant now) {
        if (!signatureMatches) {
            return reject(Reason.BAD_SIGNATURE, "the signature does not match");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return reject(Reason.MALFORMED, "timestamp is not a number of seconds");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > replayWindow.toSeconds()) {
            return reject(Reason.STALE_TIMESTAMP, "the timestamp is more than " + replayWindow.toSeconds()
                    + " s away from now");
        }
        return Either.right(true);
    }

    private static <T> Either<PushRejection, T> reject(Reason reason, String detail) {
        return Either.left(new PushRejection(reason, detail));
    }
}
