package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.tenant.TenantId;
import java.util.Objects;

/**
 * Replaces a card's definition: locally for a draft or a rejected card; through WeChat for an approved or issued one,
 * which WeChat may send back to review.
 */
public interface EditCardUseCase {

    Either<Failure, Card> edit(EditCardCommand command);

    record EditCardCommand(TenantId tenantId, CardId cardId, MemberCardDefinition definition) {
        public EditCardCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(cardId, "card id");
            Objects.requireNonNull(definition, "definition");
        }
    }
}
