package io.wxcard.adapter.persistence;

/** Issue 17's store contracts on MariaDb. */
class LoyaltyOnMariaDbTest extends LoyaltyStores {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb();
    }
}
