package io.wxcard.spring;

import io.wxcard.adapter.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * wxcard's migrations live where Flyway looks by default ({@code classpath:db/migration}), so Spring Boot's own Flyway
 * run (on whenever Flyway is on the classpath, as it is with this starter) reaches them. They need the database's
 * type names as placeholders; this gives them to that run, which then migrates wxcard's schema before the stores
 * start (and {@code wxcard.database.migrate} finds nothing left to do). An application with migrations of its own
 * keeps them in another location and history table ({@code docs/embedding.md}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
class WxcardFlywayPlaceholders {

    @Bean
    FlywayConfigurationCustomizer wxcardMigrationPlaceholders() {
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(placeholdersFor(configuration.getDataSource()));
            placeholders.putAll(configuration.getPlaceholders()); // the application's own win
            configuration.placeholders(placeholders);
        };
    }

    private static Map<String, String> placeholdersFor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Persistence.migrationPlaceholders(connection.getMetaData().getURL());
        } catch (SQLException unreachable) {
            throw new IllegalStateException("cannot connect to the application's data source: " + unreachable.getMessage(),
                    unreachable);
        } catch (IllegalArgumentException unsupported) {
            return Map.of(); // a database wxcard does not run on: its migrations are not this run's business
        }
    }
}
