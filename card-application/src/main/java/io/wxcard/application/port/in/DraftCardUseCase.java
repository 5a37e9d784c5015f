package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.tenant.TenantId;
import java.util.Objects;

/** Creates a card as a local draft; WeChat hears of it when it is submitted. */
public interface DraftCardUseCase {

    Either<Failure, Card> draft(DraftCardCommand command);

    record DraftCardCommand(TenantId tenantId, MemberCardDefinition definition) {
        public DraftCardCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(definition, "definition");
        }
    }
}
