package io.wxcard.adapter.rest;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Counts and times every request by route template (never the concrete path, which would make a series per card) and
 * status, writes the access log line, and binds Micrometer's own JVM and Jetty binders (threads of the pool,
 * connections and bytes per connector).
 */
final class HttpMetrics implements AutoCloseable {

    private static final Logger ACCESS = LoggerFactory.getLogger("io.wxcard.adapter.rest.access");
    static final String TIMER = "http.server.requests";

    private final MeterRegistry registry;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The JVM's own meters, for a registry of the API's own (an embedding application's registry has them). */
    void bindJvm() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /** Jetty's thread pool and connectors, once Javalin has started the server (its connectors exist then). */
    void bindJetty(Server server) {
        new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(registry);
        JettyConnectionMetrics.addToAllConnectors(server, registry);
    }

    void record(Context ctx, Float millis) {
        try {
            String route = ctx.attribute(Access.ROUTE);
            String uri = route == null ? "unmatched" : route;
            int status = ctx.statusCode();
            Timer.builder(TIMER)
                    .description("HTTP requests, by route template and status")
                    .tag("method", ctx.method().name())
                    .tag("uri", uri)
                    .tag("status", Integer.toString(status))
                    .tag("outcome", Outcome.forStatus(status).name())
                    .publishPercentileHistogram()
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry)
                    .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
            if (ACCESS.isInfoEnabled()) {
                io.wxcard.domain.tenant.Tenant tenant = ctx.attribute(Access.TENANT);
                ACCESS.info("{} {} -> {} in {} ms{}", ctx.method(), uri, status, String.format("%.1f", millis),
                        tenant == null ? "" : " [tenant " + tenant.id().value() + "]");
            }
        } finally {
            MDC.remove("request_id");
        }
    }

    @Override
    public void close() {
        gc.close();
    }
}
