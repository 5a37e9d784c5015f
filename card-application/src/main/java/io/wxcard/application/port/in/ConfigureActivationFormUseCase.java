package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.ActivationForm;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;
import java.util.Objects;

/** Sets the one-click activation form of a {@code wx_activate} card. */
public interface ConfigureActivationFormUseCase {

    Either<Failure, Card> configure(ConfigureActivationFormCommand command);

    record ConfigureActivationFormCommand(TenantId tenantId, CardId cardId, ActivationForm form) {
        public ConfigureActivationFormCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(cardId, "card id");
            Objects.requireNonNull(form, "form");
        }
    }
}
