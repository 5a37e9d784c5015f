package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.tenant.TenantId;
import java.util.Objects;

/**
 * Imports an existing member by their phone (WeChat Pay's membercard-open), for members whose openid the merchant does
 * not know. WeChat Pay reserves a code for the phone; the membership appears when the member takes the card in WeChat
 * and WeChat Pay says so ({@code MEMBERCARD.ACCEPT_CARD} / {@code ACTIVATE_CARD}, see
 * {@link AcceptWechatPayNotificationUseCase}). The card must be upgraded for WeChat Pay first.
 */
public interface ImportMemberByPhoneUseCase {

    /** The code WeChat Pay reserved for the phone; the same phone again answers the same code. */
    Either<Failure, Code> importByPhone(ImportByPhoneCommand command);

    record ImportByPhoneCommand(TenantId tenantId, CardId cardId, Phone phone, Option<Code> code) {
        public ImportByPhoneCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(cardId, "card id");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(code, "code");
            if (!phone.isMainlandMobile()) {
                throw new IllegalArgumentException("phone must be a mainland mobile number (11 digits starting with 1): "
                        + "WeChat Pay imports only those");
            }
        }
    }
}
