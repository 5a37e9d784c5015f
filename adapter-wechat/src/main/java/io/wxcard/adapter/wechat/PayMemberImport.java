package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.adapter.wechat.WechatCallException.Repeat;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.ImportRequest;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.application.port.out.wechat.WechatMemberImport;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link WechatMemberImport} over WeChat Pay v3 {@code POST /v3/marketing/membercard-open/cards/{card_id}/users/import}.
 * Every attempt is signed afresh (new timestamp and nonce) over the same body, so the {@code out_request_no} travels
 * unchanged on retries. Every answer that would count as success is verified first: a 2xx without a valid signature,
 * an unknown serial, a signature probe or a stale timestamp is {@link Kind#UNTRUSTED_ANSWER}. "Already imported"
 * ({@code ALREADY_EXISTS}, signed) is success with the code WeChat names.
 */
final class PayMemberImport implements WechatMemberImport {
    static final int MAX_ANSWER_BYTES = 1024 * 1024;
    private static final String PATH = "/v3/marketing/membercard-open/cards/%s/users/import";
    /** The endpoint (PayApi's only method), whose {@link RepeatSafe} the retries read. */
    private static final Method IMPORT = PayApi.class.getDeclaredMethods()[0];

    private record Keys(PrivateKey merchantKey, PublicKey platformKey) {}

    /** The body, field for field; absent code left out. */
    record ImportBody(String openid, String code, String outRequestNo) {}

    private final PayApi api;
    private final Retries retries;
    private final Clock clock;
    private final String basePath;
    private final ConcurrentMap<MerchantCredentials, Keys> keys = new ConcurrentHashMap<>();

    PayMemberImport(PayApi api, Retries retries, Clock clock, WechatSettings settings) {
        this.api = api;
        this.retries = retries;
        this.clock = clock;
        String path = URI.create(settings.payApiBaseUrl()).getRawPath();
        this.basePath = path == null ? "" : path;
    }

    @Override
    public Either<WechatError, Code> importMember(MerchantCredentials merchant, ImportRequest request) {
        Keys merchantKeys;
        try {
            merchantKeys = keys.computeIfAbsent(merchant, m -> new Keys(PaySignatures.privateKey(m.privateKeyPem().reveal()),
                    PaySignatures.publicKey(m.platformPublicKeyPem())));
        } catch (IllegalArgumentException e) {
            return Either.left(new WechatError(Kind.CLIENT_ERROR, "invalid_merchant_key", e.getMessage()));
        }
        byte[] body;
        try {
            body = WechatJson.MAPPER.writeValueAsBytes(new ImportBody(request.openId().value(),
                    request.code().map(Code::value).getOrNull(), request.outRequestNo()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the import body", e);
        }
        String cardId = request.cardId().value();
        String path = basePath + String.format(PATH, cardId);
        return WechatHttp.either(() -> retries.run(IMPORT, null,
                () -> attempt(merchant, merchantKeys, request, cardId, path, body)));
    }

    /** One attempt, signed afresh: the member's code, or a {@link WechatCallException}. */
    private Code attempt(MerchantCredentials merchant, Keys merchantKeys, ImportRequest request, String cardId,
                         String path, byte[] body) {
        String timestamp = Long.toString(clock.now().getEpochSecond());
        String nonce = PaySignatures.nonce();
        String signature = PaySignatures.sign(merchantKeys.merchantKey(), PaySignatures.requestMessage("POST", path,
                timestamp, nonce, new String(body, StandardCharsets.UTF_8)));
        String authorization = PaySignatures.authorization(merchant.merchantId(), nonce, signature, timestamp,
                merchant.serialNo());
        byte[] answer;
        int status;
        Option<PaySignatures.Signed> signed;
        boolean signaturePresent;
        try (Response response = api.importMember(cardId, authorization, body)) {
            status = response.status();
            signed = PaySignatures.Signed.from(response.headers());
            signaturePresent = PaySignatures.Signed.anyPresent(response.headers());
            answer = read(response);
        } catch (IOException e) {
            throw new WechatCallException(new WechatError(Kind.TRANSIENT, "network",
                    "the connection failed while reading WeChat Pay's answer"), Repeat.MAYBE_APPLIED);
        }
        return interpret(merchant, merchantKeys, request, status, signed, signaturePresent, answer);
    }

    private Code interpret(MerchantCredentials merchant, Keys merchantKeys, ImportRequest request, int status,
                                    Option<PaySignatures.Signed> signed, boolean signaturePresent, byte[] answer) {
        Option<String> distrust = PaySignatures.distrust(signed, answer, merchant.platformSerial(),
                merchantKeys.platformKey(), clock.now());
        boolean success = status / 100 == 2;
        if ((success || signaturePresent) && distrust.isDefined()) {
            throw new WechatCallException(new WechatError(Kind.UNTRUSTED_ANSWER, "untrusted_answer",
                    "WeChat Pay's answer (HTTP " + status + ") was refused: " + distrust.get()), Repeat.NEVER);
        }
        JsonNode json = parse(answer);
        if (success) {
            String code = json == null ? null : text(json, "code");
            if (code == null) {
                throw new WechatCallException(Answers.missing("code"), Repeat.MAYBE_APPLIED);
            }
            return codeOf(code);
        }
        if (json == null || text(json, "code") == null) {
            throw new WechatCallException(new WechatError(ErrorCodes.ofHttpStatus(status), "http_" + status,
                    "WeChat Pay answered HTTP " + status + " without its JSON error"),
                    status >= 500 ? Repeat.MAYBE_APPLIED : Repeat.NEVER);
        }
        String code = text(json, "code");
        String message = Option.of(text(json, "message")).getOrElse("(no message)");
        if ("ALREADY_EXISTS".equals(code)) {
            if (distrust.isDefined()) {
                throw new WechatCallException(new WechatError(Kind.UNTRUSTED_ANSWER, "untrusted_answer",
                        "WeChat Pay's \"already imported\" answer was refused: " + distrust.get()), Repeat.NEVER);
            }
            String existing = json.has("detail") ? text(json.get("detail"), "code") : null;
            if (existing != null) {
                return codeOf(existing);
            }
            if (request.code().isDefined()) {
                return request.code().get();
            }
            throw new WechatCallException(new WechatError(Kind.CONFLICT, code, message
                    + " (already imported, but WeChat Pay did not name the code)"), Repeat.NEVER);
        }
        Kind kind = ErrorCodes.ofPayCode(status, code);
        throw new WechatCallException(new WechatError(kind, code, message),
                kind == Kind.TRANSIENT ? Repeat.MAYBE_APPLIED : Repeat.NEVER);
    }

    private static Code codeOf(String code) {
        return Answers.code(code, "code").getOrElseThrow(error -> new WechatCallException(error, Repeat.NEVER));
    }

    private static byte[] read(Response response) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new IOException("answer larger than " + MAX_ANSWER_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private static JsonNode parse(byte[] answer) {
        try {
            JsonNode node = WechatJson.MAPPER.readTree(answer);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null; // an HTML error page from a gateway, say
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() || value.asText().isEmpty() ? null
                : value.asText();
    }
}
