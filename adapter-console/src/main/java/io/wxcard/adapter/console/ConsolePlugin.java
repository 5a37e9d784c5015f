package io.wxcard.adapter.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.plugin.Plugin;
import io.javalin.rendering.template.JavalinJte;
import io.wxcard.application.port.out.PasswordHasher;
import java.util.Objects;

/**
 * The operator console as a Javalin plugin: {@code config.registerPlugin(ConsolePlugin.create(...))} mounts its
 * pages under {@code /console/} on the service's own server, renders them with JTE (templates compiled at build
 * time) and serves htmx from its webjar.
 */
public final class ConsolePlugin extends Plugin<Void> {

    private final ConsoleUseCases useCases;
    private final ConsoleSettings settings;

    private ConsolePlugin(ConsoleUseCases useCases, ConsoleSettings settings) {
        this.useCases = Objects.requireNonNull(useCases, "use cases");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public static ConsolePlugin create(ConsoleUseCases useCases, ConsoleSettings settings) {
        return new ConsolePlugin(useCases, settings);
    }

    /** How operators' passwords are hashed (bcrypt), for the application's operator services. */
    public static PasswordHasher passwordHasher() {
        return new BcryptPasswords();
    }

    @Override
    public void onInitialize(JavalinConfig config) {
        TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html,
                ConsolePlugin.class.getClassLoader(), ConsolePlugin.class.getPackageName());
        config.fileRenderer(new JavalinJte(templates));
        config.staticFiles.enableWebjars();
        config.staticFiles.add(files -> {
            files.hostedPath = ConsolePaths.ASSETS;
            files.directory = "/console/assets";
            files.location = Location.CLASSPATH;
        });
        Guard guard = new Guard(useCases.signIn(), settings.secureCookies());
        config.router.mount(routing -> {
            routing.beforeMatched(ConsolePaths.ROOT + "*", guard::before);
            routing.exception(ConsoleRefusal.class, Pages::refused);
            routing.get(ConsolePaths.ROOT, Pages::home, ConsoleAccess.SIGNED_IN);
            routing.get(ConsolePaths.ROOT + "language", Pages::switchLanguage, ConsoleAccess.ANYONE);
            new SignInPages(useCases, guard, settings).register(routing);
            new CardPages(useCases).register(routing);
            new MemberPages(useCases).register(routing);
            new AuditPages(useCases).register(routing);
            new OperatorPages(useCases).register(routing);
            new DistributionPages(useCases).register(routing);
            new ImportPages(useCases).register(routing);
            new OperationsPages(useCases).register(routing);
            new StatisticsPages(useCases, settings.clock()).register(routing);
            new CampaignPages(useCases, settings.clock()).register(routing);
        });
    }
}
