package io.wxcard.adapter.persistence;

/** Issue 17's store contracts on Postgres. */
class LoyaltyOnPostgresTest extends LoyaltyStores {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
