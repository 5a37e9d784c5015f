package io.wxcard.adapter.persistence;

import io.wxcard.application.testing.StoreSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class that runs its nested tests on one database of its own, started once and dropped at the end. Each
 * vendor's test class extends it and nests the storage contracts and this module's behaviour tests; every nested test
 * gets the stores with empty tables from {@link #fresh()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnOneDatabase {

    private RunningDatabase running;

    /** A new database of this vendor (each call a separate one). */
    abstract TestDatabase newDatabase();

    @BeforeAll
    void startStores() {
        running = RunningDatabase.start(newDatabase());
    }

    @AfterAll
    void dropDatabase() {
        if (running != null) {
            running.close();
        }
    }

    /** The stores, every table emptied. */
    StoreSet fresh() {
        return running.emptied();
    }

    RunningDatabase running() {
        return running;
    }
}
