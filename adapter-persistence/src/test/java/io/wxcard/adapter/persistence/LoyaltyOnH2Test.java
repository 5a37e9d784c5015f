package io.wxcard.adapter.persistence;

/** Issue 17's store contracts on H2. */
class LoyaltyOnH2Test extends LoyaltyStores {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
