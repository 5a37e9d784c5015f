package io.wxcard.adapter.persistence;

/** Issue 15's store contracts on H2. */
class MembersAndEventsOnH2Test extends MembersAndEventsStores {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
