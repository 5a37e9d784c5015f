package io.wxcard.benchmarks.service;

import java.util.List;
import java.util.Map;

/**
 * What a {@link ServiceWorld} is made of (the service's jar and JVM options, the database, the members), every field
 * with a default, and the command-line options every service-level driver takes to change them.
 */
public record WorldOptions(String serviceJar, String pgHost, int pgPort, String pgUser, String database,
                           int memberships, List<String> serviceJvm, Map<String, String> serviceEnvironment,
                           int sandboxPayRateLimit, boolean keepSchema) {
    public static WorldOptions defaults() {
        return new WorldOptions("bootstrap/target/card-service.jar", "127.0.0.1", 5432, "postgres", "wxcard_bench", 1000,
                List.of("-Xmx256m"), Map.of(), 0, false);
    }

    public WorldOptions withServiceJar(String jar) {
        return new WorldOptions(jar, pgHost, pgPort, pgUser, database, memberships, serviceJvm, serviceEnvironment,
                sandboxPayRateLimit, keepSchema);
    }

    public WorldOptions withMemberships(int count) {
        return new WorldOptions(serviceJar, pgHost, pgPort, pgUser, database, count, serviceJvm, serviceEnvironment,
                sandboxPayRateLimit, keepSchema);
    }

    public WorldOptions withServiceJvm(List<String> options) {
        return new WorldOptions(serviceJar, pgHost, pgPort, pgUser, database, memberships, options, serviceEnvironment,
                sandboxPayRateLimit, keepSchema);
    }

    public WorldOptions withServiceEnvironment(Map<String, String> environment) {
        return new WorldOptions(serviceJar, pgHost, pgPort, pgUser, database, memberships, serviceJvm, environment,
                sandboxPayRateLimit, keepSchema);
    }

    public WorldOptions withSandboxPayRateLimit(int perSecond) {
        return new WorldOptions(serviceJar, pgHost, pgPort, pgUser, database, memberships, serviceJvm, serviceEnvironment,
                perSecond, keepSchema);
    }

    public WorldOptions with(io.wxcard.benchmarks.Args args) {
        return new WorldOptions(args.text("service-jar", serviceJar), args.text("host", pgHost),
                args.integer("port", pgPort), args.text("user", pgUser), args.text("db", database),
                args.integer("memberships", memberships),
                args.text("service-jvm", null) == null ? serviceJvm
                        : List.of(args.text("service-jvm", "").trim().split("\\s+")),
                serviceEnvironment, sandboxPayRateLimit, args.flag("keep-schema"));
    }

    /** Options every service-level driver takes (with {@link #with}); add them to the driver's usage. */
    public static final String USAGE = """
              --service-jar FILE       the service's jar                           default bootstrap/target/card-service.jar
              --service-jvm "OPTS"     the service's JVM options                   default -Xmx256m
              --host/--port/--user     PostgreSQL                                  default 127.0.0.1 5432 postgres
              --db NAME                database of the service's fresh schema      default wxcard_bench
              --memberships N          members imported into the card              default 1000
              --keep-schema            keep the schema at the end                  default off
              --before-jar FILE        also run this (earlier) build of the service side by side: a world of
                                       its own, its slices or phases alternating with the service's""";
    public static final String[] NAMES = {"service-jar", "service-jvm", "host", "port", "user", "db",
            "memberships", "keep-schema", "before-jar"};
}
