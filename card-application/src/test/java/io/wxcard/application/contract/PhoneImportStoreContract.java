package io.wxcard.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.store.PhoneImportStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PhoneImportStore} must do. */
public abstract class PhoneImportStoreContract {

    protected abstract PhoneImportStore phones();

    private PhoneImportStore phones;

    @BeforeEach
    void setUpStore() {
        phones = phones();
    }

    private static MembershipKey key(TenantId tenant, String card, String code) {
        return new MembershipKey(tenant, new CardId(card), new Code(code));
    }

    @Test
    void keeps_a_phone_under_the_reserved_code_of_one_card_of_one_tenant() {
        TenantId tenant = Fixtures.uniqueTenantId();
        phones.keep(key(tenant, "card_1", "880000001"), new Phone("13800138000"), Fixtures.T0);

        assertThat(phones.find(key(tenant, "card_1", "880000001"))).contains(new Phone("13800138000"));
        assertThat(phones.find(key(tenant, "card_1", "880000002"))).isEmpty();
        assertThat(phones.find(key(tenant, "card_2", "880000001"))).isEmpty();
        assertThat(phones.find(key(Fixtures.uniqueTenantId(), "card_1", "880000001"))).isEmpty();
    }

    @Test
    void the_same_code_again_replaces_the_phone_and_a_forgotten_one_is_gone() {
        TenantId tenant = Fixtures.uniqueTenantId();
        MembershipKey key = key(tenant, "card_1", "880000003");
        MembershipKey other = key(tenant, "card_1", "880000004");
        phones.keep(key, new Phone("13800138000"), Fixtures.T0);
        phones.keep(other, new Phone("13900139000"), Fixtures.T0);

        phones.keep(key, new Phone("13700137000"), Fixtures.T0.plus(Duration.ofMinutes(1)));
        assertThat(phones.find(key)).contains(new Phone("13700137000"));

        phones.forget(key);
        phones.forget(key); // forgetting what is not kept is harmless
        assertThat(phones.find(key)).isEmpty();
        assertThat(phones.find(other)).contains(new Phone("13900139000"));
    }
}
