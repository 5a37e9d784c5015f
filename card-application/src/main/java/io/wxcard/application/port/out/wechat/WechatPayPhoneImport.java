package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.util.Objects;

/**
 * Imports an existing member by phone (membercard-open {@code cards/{card_id}/phone-membercard/import}): WeChat Pay
 * reserves a code for the phone; the member takes the card later in WeChat, which WeChat Pay tells through a
 * {@code MEMBERCARD.*} notification carrying their openid.
 */
public interface WechatPayPhoneImport {

    /** Answers the code reserved for the phone; the same out_request_no (and phone) answers the same code. */
    Either<WechatError, Code> importByPhone(MerchantCredentials merchant, PhoneImportRequest request);

    /** @param outRequestNo stable per card and phone, so that a repeat is the same request (at most {@link ImportRow#MAX_OUT_REQUEST_NO} characters) */
    record PhoneImportRequest(WechatCardId cardId, Phone phone, Option<Code> code, String outRequestNo) {
        public PhoneImportRequest {
            Objects.requireNonNull(cardId, "card id");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(code, "code");
            ImportRow.requireOutRequestNo(outRequestNo);
        }
    }
}
