package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.TestWhitelist;
import io.wxcard.domain.tenant.TenantId;
import java.util.Objects;

/** Names the WeChat accounts that may receive a card before review passes. */
public interface SetTestWhitelistUseCase {

    Either<Failure, Card> setTestWhitelist(SetTestWhitelistCommand command);

    record SetTestWhitelistCommand(TenantId tenantId, CardId cardId, TestWhitelist whitelist) {
        public SetTestWhitelistCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(cardId, "card id");
            Objects.requireNonNull(whitelist, "whitelist");
            if (whitelist.isEmpty()) {
                throw new IllegalArgumentException("name at least one openid or username for the test whitelist");
            }
            if (whitelist.openids().size() + whitelist.usernames().size() > TestWhitelist.MAX_ENTRIES) {
                throw new IllegalArgumentException("a test whitelist holds at most " + TestWhitelist.MAX_ENTRIES + " accounts");
            }
        }
    }
}
