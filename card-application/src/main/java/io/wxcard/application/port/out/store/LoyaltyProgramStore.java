package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.loyalty.LoyaltyProgram;
import io.wxcard.domain.tenant.TenantId;

/** Cards' loyalty set-ups: levels, points rule, notices (issue 17). */
public interface LoyaltyProgramStore {

    Option<LoyaltyProgram> find(TenantId tenantId, CardId cardId);

    /** Saves the whole set-up, replacing the one stored. */
    void save(LoyaltyProgram program);
}
