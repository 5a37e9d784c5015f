package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vavr.control.Either;
import io.wxcard.adapter.wechat.WechatCallException.Repeat;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.application.port.out.wechat.WechatPayPhoneImport;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Base64;
import javax.crypto.Cipher;

/**
 * {@link WechatPayPhoneImport} over {@code POST /v3/marketing/membercard-open/cards/{card_id}/phone-membercard/import}
 * ({@code {encrypted_phone_number, code?, out_request_no}} → {@code {code}}). The phone is encrypted with the configured
 * platform key (a platform certificate's or the WeChat Pay public key), RSA/ECB/OAEPWithSHA-1AndMGF1Padding, Base64, as
 * WeChat Pay encrypts every sensitive field; {@code Wechatpay-Serial} names that key, as the page requires.
 */
final class PayPhoneImport implements WechatPayPhoneImport {
    private static final String PATH = "/v3/marketing/membercard-open/cards/%s/phone-membercard/import";
    private static final Method IMPORT = PayClient.endpoint("importByPhone");

    /** The body, field for field; absent code left out. */
    record PhoneImportBody(String encryptedPhoneNumber, String code, String outRequestNo) {}

    private final PayApi api;
    private final PayClient client;
    private final PlatformKeys platformKeys;

    PayPhoneImport(PayApi api, PayClient client, PlatformKeys platformKeys) {
        this.api = api;
        this.client = client;
        this.platformKeys = platformKeys;
    }

    @Override
    public Either<WechatError, Code> importByPhone(MerchantCredentials credentials, PhoneImportRequest request) {
        PayClient.Merchant merchant;
        try {
            merchant = client.merchant(credentials);
        } catch (IllegalArgumentException e) {
            return Either.left(new WechatError(Kind.CLIENT_ERROR, "invalid_merchant_key", e.getMessage()));
        }
        byte[] body;
        try {
            body = WechatJson.MAPPER.writeValueAsBytes(new PhoneImportBody(
                    encrypt(merchant.configuredPlatformKey(), request.phone().normalised()),
                    request.code().map(Code::value).getOrNull(), request.outRequestNo()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the phone import body", e);
        }
        String card = request.cardId().value();
        String serial = merchant.configuredSerial();
        return WechatHttp.either(() -> client.call(IMPORT, merchant, "POST", String.format(PATH, card), body,
                platformKeys.trusted(merchant), (authorization, ignored) -> api.importByPhone(card, authorization,
                        serial, body),
                raw -> {
                    if (raw.status() / 100 != 2) {
                        throw PayClient.thrown(PayClient.error(raw));
                    }
                    String code = PayClient.text(raw.json(), "code");
                    if (code == null) {
                        throw new WechatCallException(Answers.missing("code"), Repeat.MAYBE_APPLIED);
                    }
                    return Answers.code(code, "code")
                            .getOrElseThrow(error -> new WechatCallException(error, Repeat.NEVER));
                }));
    }

    /** RSA-OAEP (SHA-1, MGF1) with the platform key, Base64: how WeChat Pay takes a sensitive field. */
    static String encrypt(PublicKey platformKey, String plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
            cipher.init(Cipher.ENCRYPT_MODE, platformKey);
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP is not available or the platform key is not an RSA key", e);
        }
    }
}
