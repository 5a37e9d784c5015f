package io.wxcard.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.LoyaltyProgramStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.LoyaltyFixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.loyalty.LoyaltyProgram;
import io.wxcard.domain.loyalty.NoticeSettings;
import io.wxcard.domain.tenant.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LoyaltyProgramStore} must do. */
public abstract class LoyaltyProgramStoreContract {

    protected abstract StoreSet stores();

    private LoyaltyProgramStore programs;
    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card-" + tenant.value());

    @BeforeEach
    void setUpStore() {
        programs = stores().loyaltyPrograms();
        stores().tenants().save(Fixtures.tenant(tenant));
    }

    @Test
    void keeps_every_part_of_a_program_exactly() {
        LoyaltyProgram full = LoyaltyFixtures.fullProgram(tenant, card);
        programs.save(full);
        assertThat(programs.find(tenant, card)).contains(full);
        assertThat(programs.find(tenant, new CardId("other-" + tenant.value()))).isEmpty();
        assertThat(programs.find(Fixtures.uniqueTenantId(), card)).isEmpty();
    }

    @Test
    void a_save_replaces_the_whole_program() {
        programs.save(LoyaltyFixtures.fullProgram(tenant, card));
        LoyaltyProgram bare = LoyaltyProgram.none(tenant, card).withNotices(new NoticeSettings(false, false, false,
                Option.none(), Option.none(), Option.none()));
        programs.save(bare);
        assertThat(programs.find(tenant, card)).contains(bare);
    }
}
