package io.wxcard.adapter.persistence;

/** Issue 15's store contracts on Postgres. */
class MembersAndEventsOnPostgresTest extends MembersAndEventsStores {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
