package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.ActivationMethod;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.tenant.TenantId;

/**
 * What this module's own behaviour tests (beyond the ports' contracts) get from the vendor's test class, which nests
 * them like the contracts.
 */
abstract class Behaviour {

    /** The stores on the test class's database, every table empty. */
    abstract StoreSet stores();

    /** The test class's database. */
    abstract RunningDatabase database();

    /** A further, separate database of the same vendor, for a test that needs one to itself. */
    abstract TestDatabase newDatabase();

    /** A tenant with a card and an activated membership (code 100001, openid oAlice), as stored. */
    static Membership activatedMembership(StoreSet stores, TenantId tenant, CardId card) {
        stores.tenants().save(Fixtures.tenant(tenant));
        stores.cards().save(Fixtures.draftCard(tenant, card));
        Membership received = stores.memberships().save(Fixtures.receivedMembership(tenant, card, "100001", "oAlice"));
        return stores.memberships().save(received.activate(ActivationMethod.API, Option.none(),
                Fixtures.T0.plusSeconds(1)).get().membership());
    }
}
