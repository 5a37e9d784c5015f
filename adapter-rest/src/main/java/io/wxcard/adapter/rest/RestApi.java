package io.wxcard.adapter.rest;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** What bootstrap does not choose: how long pushes may take, how many run at once, how long a stop waits. */
    record Tuning(Duration pushTimeout, int pushWorkers, int pushQueue, Duration stopTimeout) {
        static Tuning defaults() {
            return new Tuning(Duration.ofMillis(4000), 16, 64, Duration.ofSeconds(30));
        }
    }

    private final Javalin app;
    private final PrometheusMeterRegistry registry;
    private final HttpMetrics metrics;
    private final ExecutorService pushWorkers;
    private final AtomicBoolean closing;
    private final List<Route> routes;
    private final List<String> registered;
    private final Duration stopTimeout;

    private RestApi(Javalin app, PrometheusMeterRegistry registry, HttpMetrics metrics, ExecutorService pushWorkers,
                    AtomicBoolean closing, List<Route> routes, List<String> registered, Duration stopTimeout) {
        this.app = app;
        this.registry = registry;
        this.metrics = metrics;
        this.pushWorkers = pushWorkers;
        this.closing = closing;
        this.routes = routes;
        this.registered = registered;
        this.stopTimeout = stopTimeout;
    }

    /** Starts listening; throws when the port cannot be bound. */
    public static RestApi start(RestSettings settings, RestUseCases useCases, BooleanSupplier databaseReady) {
        return start(settings, useCases, databaseReady, Tuning.defaults());
    }

    static RestApi start(RestSettings settings, RestUseCases useCases, BooleanSupplier databaseReady, Tuning tuning) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(useCases, "use cases");
        Objects.requireNonNull(databaseReady, "database readiness");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpMetrics metrics = new HttpMetrics(registry);
        ExecutorService pushWorkers = pushWorkers(tuning);
        AtomicBoolean closing = new AtomicBoolean();
        byte[][] openApi = new byte[1][];
        List<Route> routes = new ArrayList<>();
        routes.addAll(new CardRoutes(useCases).routes());
        routes.addAll(new MembershipRoutes(useCases).routes());
        routes.addAll(new ImportRoutes(useCases, settings.maxImportBytes()).routes());
        routes.addAll(new PushRoutes(useCases.acceptWechatPush(), pushWorkers, tuning.pushTimeout(),
                settings.maxBodyBytes()).routes());
        routes.addAll(new OpsRoutes(databaseReady, closing, registry, () -> openApi[0]).routes());
        openApi[0] = OpenApi.document(routes);

        List<String> registered = new ArrayList<>();
        Dispatcher dispatcher = new Dispatcher(useCases.authenticateApiKey(), settings.maxBodyBytes(), routes);
        Javalin app = Javalin.create(config -> configure(config, settings, tuning, dispatcher, metrics, registered));
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException failed) {
            pushWorkers.shutdownNow();
            metrics.close();
            throw failed;
        }
        LOG.info("HTTP API listening on {}:{} ({} routes, JSON bodies up to {} bytes, imports up to {} bytes)",
                settings.host(), app.port(), routes.size(), settings.maxBodyBytes(), settings.maxImportBytes());
        return new RestApi(app, registry, metrics, pushWorkers, closing, List.copyOf(routes), registered,
                tuning.stopTimeout());
    }

    private static void configure(JavalinConfig config, RestSettings settings, Tuning tuning, Dispatcher dispatcher,
                                  HttpMetrics metrics, List<String> registered) {
        config.showJavalinBanner = false;
        config.startupWatcherEnabled = false;
        config.http.prefer405over404 = true;
        // Guards ctx.body() / bodyAsBytes() only, which no route calls: Call reads JSON bodies within maxBodyBytes itself,
        // and imports stream the request's input within maxImportBytes (Jetty does not buffer a body).
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.http.defaultContentType = "application/json";
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
        config.requestLogger.http(metrics::record);
        config.router.mount(router -> {
            router.before(dispatcher::assignRequestId);
            for (Route route : dispatcher.routes()) {
                router.addHttpHandler(HandlerType.valueOf(route.method()), route.path(), ctx -> dispatcher.dispatch(route, ctx));
            }
            dispatcher.mapErrors(router);
        });
    }

    private static ExecutorService pushWorkers(Tuning tuning) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(Math.min(2, tuning.pushWorkers()), tuning.pushWorkers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(tuning.pushQueue()), work -> {
                    Thread thread = new Thread(work, "wechat-push-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The port listened on: the one asked for, or the one picked for port 0. */
    public int port() {
        return app.port();
    }

    /** The registry {@code /metrics} shows; bootstrap adds its gauges (outbox lag, ...) here. */
    public MeterRegistry meterRegistry() {
        return registry;
    }

    /** The routes served, as the table describes them. */
    List<Route> routes() {
        return routes;
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
        pushWorkers.shutdown();
        try {
            if (!pushWorkers.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                pushWorkers.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            pushWorkers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        metrics.close();
        LOG.info("HTTP API stopped");
    }
}
