package io.wxcard.adapter.rest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Health, readiness, metrics and the API's own description: for operators and load balancers, no API key. */
final class OpsRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);
    private static final String TAG = "operations";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Doc("UP or DOWN, with the checks behind it.")
    record Health(String status, Map<String, String> checks) {}

    private final BooleanSupplier databaseReady;
    private final AtomicBoolean closing;
    private final PrometheusMeterRegistry registry;
    private final Supplier<byte[]> openApi;

    OpsRoutes(BooleanSupplier databaseReady, AtomicBoolean closing, PrometheusMeterRegistry registry,
              Supplier<byte[]> openApi) {
        this.databaseReady = databaseReady;
        this.closing = closing;
        this.registry = registry;
        this.openApi = openApi;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/health").id("liveness", "Whether the process answers at all").tag(TAG).open()
                        .answers(200, Health.class)
                        .handle(call -> call.answer(200, new Health("UP", Map.of()))),
                Route.get("/health/ready").id("readiness", "Whether this instance should receive traffic").tag(TAG)
                        .open().answers(200, Health.class).errors(503)
                        .describe("503 when the database does not answer, or while the instance shuts down.")
                        .handle(this::ready),
                Route.get("/metrics").id("metrics", "Prometheus metrics").tag(TAG).open()
                        .answers(200, String.class).answersText(PROMETHEUS_TEXT)
                        .handle(call -> call.ctx().contentType(PROMETHEUS_TEXT).result(registry.scrape())),
                Route.get("/openapi.json").id("openApi", "This API's OpenAPI 3.1 description").tag(TAG).open()
                        .answers(200, Object.class)
                        .handle(call -> call.ctx().contentType("application/json").result(openApi.get())));
    }

    private void ready(Call call) {
        if (closing.get()) {
            call.answer(503, new Health("DOWN", Map.of("instance", "shutting down")));
            return;
        }
        boolean database;
        try {
            database = databaseReady.getAsBoolean();
        } catch (RuntimeException failed) {
            LOG.warn("the database readiness check failed", failed);
            database = false;
        }
        call.answer(database ? 200 : 503, new Health(database ? "UP" : "DOWN", Map.of("database", database ? "UP" : "DOWN")));
    }
}
