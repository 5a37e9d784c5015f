package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.vavr.Lazy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;

/** Health, readiness, metrics and the API's own description: for operators and load balancers, no API key. */
final class OpsRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);
    private static final String TAG = "operations";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Schema(description = "UP or DOWN, with the checks behind it.")
    record Health(String status, Map<String, String> checks) {}

    private final BooleanSupplier databaseReady;
    private final AtomicBoolean closing;
    private final PrometheusMeterRegistry registry;

    OpsRoutes(BooleanSupplier databaseReady, AtomicBoolean closing, PrometheusMeterRegistry registry) {
        this.databaseReady = databaseReady;
        this.closing = closing;
        this.registry = registry;
    }

    /** Registers the routes; {@code /openapi.json} is written once, at its first request, when every route is in. */
    void register(Javalin app, ApiDocs docs) {
        app.get("/health", ctx -> ctx.json(new Health("UP", Map.of())), Access.PUBLIC);
        docs.operation(GET, "/health", "liveness", "Whether the process answers at all", TAG)
                .getResponses().addApiResponse("200", docs.answer(Health.class));
        app.get("/health/ready", this::ready, Access.PUBLIC);
        docs.operation(GET, "/health/ready", "readiness", "Whether this instance should receive traffic", TAG, 503)
                .description("503 when the database does not answer, or while the instance shuts down.")
                .getResponses().addApiResponse("200", docs.answer(Health.class));
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()), Access.PUBLIC);
        docs.operation(GET, "/metrics", "metrics", "Prometheus metrics", TAG)
                .getResponses().addApiResponse("200", docs.answer("Prometheus text", String.class, PROMETHEUS_TEXT));
        Lazy<byte[]> document = Lazy.of(docs::json);
        app.get("/openapi.json", ctx -> ctx.contentType(Params.JSON).result(document.get()), Access.PUBLIC);
        docs.operation(GET, "/openapi.json", "openApi", "This API's OpenAPI 3.1 description", TAG)
                .getResponses().addApiResponse("200", docs.answer("The document", Object.class, Params.JSON));
    }

    private void ready(Context ctx) {
        if (closing.get()) {
            ctx.status(503).json(new Health("DOWN", Map.of("instance", "shutting down")));
            return;
        }
        boolean database;
        try {
            database = databaseReady.getAsBoolean();
        } catch (RuntimeException failed) {
            LOG.warn("the database readiness check failed", failed);
            database = false;
        }
        ctx.status(database ? 200 : 503).json(new Health(database ? "UP" : "DOWN", Map.of("database", database ? "UP" : "DOWN")));
    }
}
