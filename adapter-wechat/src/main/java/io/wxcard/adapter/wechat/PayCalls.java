package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import io.vavr.control.Either;
import io.wxcard.adapter.wechat.WechatCallException.Repeat;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * The one flow of every membercard-open call: the merchant's parsed keys (a bad key is a clean CLIENT_ERROR), the
 * body written once as the exact bytes that are signed and sent, the signed call retried as its endpoint allows, its
 * answer verified with the platform keys the merchant trusts ({@link PlatformKeys}) before {@code read} sees it.
 */
final class PayCalls {
    private static final byte[] NO_BODY = new byte[0];

    /** One attempt, sent by Feign with the exact bytes that were signed. */
    interface Send {
        Response send(PayClient.Merchant merchant, String authorization, String wechatpaySerial, byte[] body);
    }

    /** Reads a verified answer; throws a {@link WechatCallException} for what it does not turn into a result. */
    interface Read<T> {
        T read(PayClient.Merchant merchant, PayClient.Raw raw);
    }

    private final PayClient client;
    private final PlatformKeys platformKeys;

    PayCalls(PayClient client, PlatformKeys platformKeys) {
        this.client = client;
        this.platformKeys = platformKeys;
    }

    /** A call whose body (null: none) does not depend on the merchant's keys. */
    <T> Either<WechatError, T> call(MerchantCredentials credentials, Method endpoint, String method,
                                    String pathAndQuery, Object body, Send send, Read<T> read) {
        return callWith(credentials, endpoint, method, pathAndQuery, merchant -> body, send, read);
    }

    /** A call whose body is made with the merchant's keys (a field encrypted with the platform key, say). */
    <T> Either<WechatError, T> callWith(MerchantCredentials credentials, Method endpoint, String method,
                                        String pathAndQuery, Function<PayClient.Merchant, Object> body, Send send,
                                        Read<T> read) {
        PayClient.Merchant merchant;
        try {
            merchant = client.merchant(credentials);
        } catch (IllegalArgumentException e) {
            return Either.left(new WechatError(Kind.CLIENT_ERROR, "invalid_merchant_key", e.getMessage()));
        }
        byte[] bytes = bytes(body.apply(merchant));
        return WechatHttp.either(() -> within(merchant, endpoint, method, pathAndQuery, bytes, send, read));
    }

    /** One more call for the same merchant inside a call (the user's cards after "already imported", say). */
    <T> T within(PayClient.Merchant merchant, Method endpoint, String method, String pathAndQuery, byte[] body,
                 Send send, Read<T> read) {
        return client.call(endpoint, merchant, method, pathAndQuery, body, platformKeys.trusted(merchant),
                (authorization, serial) -> send.send(merchant, authorization, serial, body),
                raw -> read.read(merchant, raw));
    }

    /** A 2xx answer's JSON (null for 204), or WeChat Pay's refusal thrown. */
    static JsonNode success(PayClient.Raw raw) {
        if (raw.status() / 100 != 2) {
            throw PayClient.thrown(PayClient.error(raw));
        }
        return raw.json();
    }

    /** The {@code code} a success names: required; a malformed one is refused, never stored. */
    static Code code(JsonNode answer, String field) {
        String code = PayClient.text(answer, field);
        if (code == null) {
            throw new WechatCallException(Answers.missing(field), Repeat.MAYBE_APPLIED);
        }
        return Answers.code(code, field).getOrElseThrow(error -> new WechatCallException(error, Repeat.NEVER));
    }

    private static byte[] bytes(Object body) {
        if (body == null) {
            return NO_BODY;
        }
        try {
            return WechatJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the body of a WeChat Pay call", e);
        }
    }
}
