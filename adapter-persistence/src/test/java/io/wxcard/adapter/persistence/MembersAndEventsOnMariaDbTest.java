package io.wxcard.adapter.persistence;

/** Issue 15's store contracts on MariaDb. */
class MembersAndEventsOnMariaDbTest extends MembersAndEventsStores {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb();
    }
}
