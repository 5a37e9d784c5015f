package io.wxcard.adapter.rest;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.servlet.JavalinServlet;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.Plugin;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API: every use case under {@code /v1} (Bearer API key, one tenant per key), WeChat's pushes under
 * {@code /wechat/{tenant}/events}, and {@code /health}, {@code /health/ready}, {@code /metrics},
 * {@code /openapi.json}. Started by bootstrap; {@link #close()} lets requests in flight finish.
 */
public final class RestApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

    /** What bootstrap does not choose: how long a push may take (WeChat waits 5 s), how long a stop waits. */
    record Tuning(Duration pushTimeout, Duration stopTimeout) {
        static Tuning defaults() {
            return new Tuning(Duration.ofMillis(4000), Duration.ofSeconds(30));
        }
    }

    private final Javalin app;
    private final PrometheusMeterRegistry registry;
    private final HttpMetrics metrics;
    private final AtomicBoolean closing;
    private final List<String> registered;
    private final Duration stopTimeout;

    private RestApi(Javalin app, PrometheusMeterRegistry registry, HttpMetrics metrics, AtomicBoolean closing,
                    List<String> registered, Duration stopTimeout) {
        this.app = app;
        this.registry = registry;
        this.metrics = metrics;
        this.closing = closing;
        this.registered = registered;
        this.stopTimeout = stopTimeout;
    }

    /**
     * Starts listening; throws when the port cannot be bound. WeChat's pushes are handled on {@code pushWorkers}
     * (bootstrap's, as every thread of the application), so that each is answered in time whatever its work costs.
     */
    public static RestApi start(RestSettings settings, RestUseCases useCases, BooleanSupplier databaseReady,
                                ExecutorService pushWorkers) {
        return start(settings, useCases, databaseReady, pushWorkers, Tuning.defaults());
    }

    /**
     * Starts listening, with Javalin plugins that mount more on the same server (the operator console); throws when
     * the port cannot be bound.
     */
    public static RestApi start(RestSettings settings, RestUseCases useCases, BooleanSupplier databaseReady,
                                ExecutorService pushWorkers, List<? extends Plugin<?>> plugins) {
        return start(settings, useCases, databaseReady, pushWorkers, Tuning.defaults(), plugins);
    }

    static RestApi start(RestSettings settings, RestUseCases useCases, BooleanSupplier databaseReady,
                         ExecutorService pushWorkers, Tuning tuning) {
        return start(settings, useCases, databaseReady, pushWorkers, tuning, List.of());
    }

    static RestApi start(RestSettings settings, RestUseCases useCases, BooleanSupplier databaseReady,
                         ExecutorService pushWorkers, Tuning tuning, List<? extends Plugin<?>> plugins) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(useCases, "use cases");
        Objects.requireNonNull(databaseReady, "database readiness");
        Objects.requireNonNull(pushWorkers, "push workers");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpMetrics metrics = new HttpMetrics(registry);
        metrics.bindJvm();
        AtomicBoolean closing = new AtomicBoolean();
        List<String> registered = new ArrayList<>();
        Javalin app = Javalin.create(config -> {
            configure(config, settings.maxBodyBytes(), metrics);
            configureJetty(config, settings, tuning, registered);
            plugins.forEach(config::registerPlugin);
        });
        ApiDocs docs = mountApi(app, useCases, settings.maxImportBytes());
        new PushRoutes(useCases.acceptWechatPush(), pushWorkers, tuning.pushTimeout()).register(app, docs);
        new PayRoutes(useCases.wechatPay()).registerNotifications(app, docs);
        new OpsRoutes(databaseReady, closing, registry).register(app, docs);
        Problems.register(app, settings.maxBodyBytes());
        try {
            app.start(settings.host(), settings.port());
            metrics.bindJetty(app.jettyServer().server());
        } catch (RuntimeException failed) {
            metrics.close();
            throw failed;
        }
        LOG.info("HTTP API listening on {}:{} ({} routes, JSON bodies up to {} bytes, imports up to {} bytes)",
                settings.host(), app.port(), registered.size(), settings.maxBodyBytes(), settings.maxImportBytes());
        return new RestApi(app, registry, metrics, closing, registered, tuning.stopTimeout());
    }

    /**
     * The {@code /v1} API alone, as a servlet for an application's own web server (the Spring Boot starter mounts it
     * at {@code /v1/*}): the same routes, API keys, problem+json answers, request timers and access log as
     * {@link #start}, without Jetty, WeChat's push endpoint or {@code /health} and {@code /metrics}, which such an
     * application has its own of. The servlet needs asynchronous support and the multipart configuration it comes
     * with (card pictures are uploaded as multipart bodies).
     */
    public static ApiServlet servlet(RestUseCases useCases, long maxBodyBytes, long maxImportBytes,
                                     MeterRegistry registry) {
        Objects.requireNonNull(useCases, "use cases");
        Objects.requireNonNull(registry, "meter registry");
        new RestSettings("127.0.0.1", 0, maxBodyBytes, maxImportBytes); // the same bounds as the server's, checked once
        HttpMetrics metrics = new HttpMetrics(registry);
        Javalin app = Javalin.create(config -> configure(config, maxBodyBytes, metrics));
        mountApi(app, useCases, maxImportBytes);
        Problems.register(app, maxBodyBytes);
        // Javalin's own servlet, without the Jetty WebSocket wrapper app.javalinServlet() puts around it (that wrapper
        // needs Jetty's WebSocket components, which another server does not have; the API has no WebSocket).
        return new ApiServlet(new JavalinServlet(app.unsafeConfig()), new jakarta.servlet.MultipartConfigElement("",
                ImageRoutes.MAX_UPLOAD_BYTES, ImageRoutes.MAX_UPLOAD_BYTES, 0));
    }

    /** The {@code /v1} routes behind their API keys; answers the document their query parameters are checked by. */
    private static ApiDocs mountApi(Javalin app, RestUseCases useCases, long maxImportBytes) {
        app.before(Access::assignRequestId);
        app.beforeMatched(Access.checkApiKey(useCases.authenticateApiKey()));
        ApiDocs docs = new ApiDocs();
        // A query parameter the document does not give the route is refused, so that a typo is not read as "no
        // filter"; WeChat's pushes are left alone (WeChat adds parameters of its own).
        app.beforeMatched(ctx -> {
            if (ctx.routeRoles().contains(Access.API_KEY)) {
                Params.checkQuery(ctx, docs.queryNames(ctx.method().name(), ctx.endpointHandlerPath()));
            }
        });
        new CardRoutes(useCases).register(app, docs);
        new MembershipRoutes(useCases).register(app, docs);
        new ImportRoutes(useCases, maxImportBytes).register(app, docs);
        new LedgerBatchRoutes(useCases, maxImportBytes).register(app, docs);
        new MemberRoutes(useCases.findMembers()).register(app, docs);
        new EventRoutes(useCases.changeFeed(), useCases.manageWebhooks()).register(app, docs);
        new ImageRoutes(useCases.uploadCardImage()).register(app, docs);
        new StatisticsRoutes(useCases).register(app, docs);
        if (useCases.loyalty() != null) {
            new LoyaltyRoutes(useCases.loyalty()).register(app, docs);
        }
        if (useCases.engagement() != null) {
            new StoreRoutes(useCases.engagement().stores()).register(app, docs);
            new SegmentRoutes(useCases.engagement(), useCases.findCards(), useCases.findMemberships()).register(app, docs);
        }
        if (useCases.campaigns() != null) {
            new CampaignRoutes(useCases.campaigns()).register(app, docs);
        }
        new ActivationRoutes(useCases.activationPages()).register(app, docs);
        new PayRoutes(useCases.wechatPay()).register(app, docs);
        return docs;
    }

    /** What the API is wherever it is served: JSON, parameter converters, body bounds, request timers. */
    private static void configure(JavalinConfig config, long maxBodyBytes, HttpMetrics metrics) {
        config.showJavalinBanner = false;
        config.startupWatcherEnabled = false;
        config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        Params.registerConverters(config.validation);
        config.http.prefer405over404 = true;
        // Bodies read whole (ctx.bodyAsBytes(): JSON, WeChat's pushes) are held to this; imports are streamed and
        // held to maxImportBytes by ImportRoutes.
        config.http.maxRequestSize = maxBodyBytes;
        config.http.defaultContentType = Params.JSON;
        config.requestLogger.http(metrics::record);
    }

    /** What the API's own Jetty server adds: multipart bounds, graceful stop, problem+json error pages. */
    private static void configureJetty(JavalinConfig config, RestSettings settings, Tuning tuning,
                                       List<String> registered) {
        // Multipart bodies (card pictures) are parsed by Jetty: held to what ImageRoutes takes, also when chunked.
        config.jetty.multipartConfig.maxTotalRequestSize(ImageRoutes.MAX_UPLOAD_BYTES, io.javalin.config.SizeUnit.BYTES);
        config.jetty.multipartConfig.maxFileSize(ImageRoutes.MAX_UPLOAD_BYTES, io.javalin.config.SizeUnit.BYTES);
        config.jetty.defaultHost = settings.host();
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(tuning.stopTimeout().toMillis());
            server.setHandler(new StatisticsHandler()); // lets a stop wait for requests in flight
            server.setErrorHandler(new ProblemErrorHandler());
        });
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        config.events(events -> events.handlerAdded(info -> {
            if (info.getHttpMethod().isHttpMethod()) {
                synchronized (registered) {
                    registered.add(info.getHttpMethod().name() + " " + info.getPath());
                }
            }
        }));
    }

    /** The port listened on: the one asked for, or the one picked for port 0. */
    public int port() {
        return app.port();
    }

    /** The registry {@code /metrics} shows; bootstrap adds its gauges (outbox lag, ...) here. */
    public MeterRegistry meterRegistry() {
        return registry;
    }

    /** "METHOD path" of every HTTP handler Javalin registered, whatever registered it. */
    List<String> registeredHandlers() {
        synchronized (registered) {
            return List.copyOf(registered);
        }
    }

    /**
     * Stops taking requests, lets those in flight finish (up to the stop timeout), then stops. Readiness answers 503
     * from the first moment.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        LOG.info("HTTP API stopping; requests in flight may finish within {} s", stopTimeout.toSeconds());
        try {
            app.stop();
        } catch (RuntimeException slow) {
            LOG.warn("HTTP API stopped before every request in flight finished (stop timeout {} s)",
                    stopTimeout.toSeconds(), slow);
        }
        metrics.close();
        LOG.info("HTTP API stopped");
    }
}
