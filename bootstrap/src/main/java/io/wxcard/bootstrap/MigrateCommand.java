package io.wxcard.bootstrap;

import io.wxcard.adapter.persistence.DatabaseSettings;
import io.wxcard.adapter.persistence.Persistence;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Brings the database's schema up to date, and nothing else (the service also does it when it starts). */
@Command(name = "migrate", description = "Migrate the database (CARD_DB_URL) to the current schema, then exit.")
final class MigrateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Settings settings = Settings.load(System.getenv());
        Persistence.migrate(new DatabaseSettings(settings.dbUrl(), settings.dbUser(), settings.dbPassword(), 2));
        System.out.println("the database at " + settings.dbUrl() + " is migrated");
        return 0;
    }
}
