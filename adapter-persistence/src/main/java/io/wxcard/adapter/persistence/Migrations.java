package io.wxcard.adapter.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema up to date with Flyway, from the one set of migrations under {@code db/migration}. */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {}

    static void migrate(DataSource dataSource, Vendor vendor) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(vendor.placeholders())
                .failOnMissingLocations(true)
                // A database that already holds an embedding application's own tables (and no history of ours yet)
                // is taken as version 0, so every migration of ours still runs; without this Flyway refuses it.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // Version numbers are handed out to changes made side by side, so a lower one (V13) can land after a
                // higher one (V15) a database already has: it is applied then instead of failing validation.
                .outOfOrder(true)
                .load()
                .migrate();
        LOG.info("{} schema at version {} ({} migration(s) applied now)", vendor,
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
    }
}
