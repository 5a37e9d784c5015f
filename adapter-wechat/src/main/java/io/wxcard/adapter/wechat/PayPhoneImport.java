package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.WechatError;
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
    private final PayCalls calls;

    PayPhoneImport(PayApi api, PayCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    @Override
    public Either<WechatError, Code> importByPhone(MerchantCredentials credentials, PhoneImportRequest request) {
        String card = request.cardId().value();
        return calls.callWith(credentials, IMPORT, "POST", String.format(PATH, card),
                merchant -> new PhoneImportBody(encrypt(merchant.configuredPlatformKey(), request.phone().normalised()),
                        request.code().map(Code::value).getOrNull(), request.outRequestNo()),
                // Wechatpay-Serial names the key the phone is encrypted with, in either mode
                (merchant, authorization, ignored, body) -> api.importByPhone(card, authorization,
                        merchant.configuredSerial(), body),
                (merchant, raw) -> PayCalls.code(PayCalls.success(raw), "code"));
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
