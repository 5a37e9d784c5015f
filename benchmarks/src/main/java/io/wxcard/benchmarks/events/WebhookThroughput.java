package io.wxcard.benchmarks.events;

import com.sun.net.httpserver.HttpServer;
import io.wxcard.adapter.persistence.DatabaseSettings;
import io.wxcard.adapter.persistence.Persistence;
import io.wxcard.adapter.webhook.WebhookSenderSettings;
import io.wxcard.adapter.webhook.Webhooks;
import io.wxcard.application.port.in.ManageWebhooksUseCase.CreateWebhookCommand;
import io.wxcard.application.port.out.events.EventType;
import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.EventSettings;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryWechat;
import io.wxcard.benchmarks.Args;
import io.wxcard.benchmarks.BenchApplication;
import io.wxcard.benchmarks.Machine;
import io.wxcard.benchmarks.Stats;
import io.wxcard.domain.tenant.TenantId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook deliveries per second (issue 15) against a bare loopback receiver (the JDK's HttpServer answering 204),
 * side by side with the same bodies posted by a bare {@code HttpClient} at the same concurrency: the ratio is what
 * the pipeline (events table, placing, owing, claiming, signing, settling) costs over the posts alone. Rounds
 * alternate which goes first; the figures are medians.
 */
public final class WebhookThroughput {

    private static final String USAGE = """
            WebhookThroughput: webhook deliveries/s through the application vs bare posts, alternating rounds.
              --jdbc URL         database (default: jdbc:postgresql://127.0.0.1:5432/test?user=postgres)
              --events N         events per round (default 5000)
              --memberships N    memberships the events are spread over (default 500)
              --rounds N         measured rounds of each (default 5)
            """;

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, USAGE, "jdbc", "events", "memberships", "rounds");
        String jdbc = args.text("jdbc", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        int events = args.integer("events", 5000);
        int memberships = args.integer("memberships", 500);
        int rounds = args.integer("rounds", 5);
        System.out.println(Machine.describe());
        AtomicLong received = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        ExecutorService client = Executors.newFixedThreadPool(4);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try (Persistence persistence = Persistence.start(new DatabaseSettings(jdbc, null, null, 20))) {
            CardServices app = BenchApplication.over(persistence, new InMemoryWechat())
                    .eventSettings(EventSettings.defaults().withHttpToLoopback(true))
                    .webhookSender(Webhooks.sender(WebhookSenderSettings.defaults(client).withLoopback(true)))
                    .webhookSenders(senders).build();
            TenantId tenant = Fixtures.uniqueTenantId();
            persistence.tenants().save(Fixtures.tenant(tenant));
            app.manageWebhooks().create(new CreateWebhookCommand(tenant, url.toString(), java.util.Set.of())).get();
            drain(app); // whatever an earlier run left
            HttpClient bare = HttpClient.newBuilder().executor(client).build();
            List<Double> pipeline = new ArrayList<>();
            List<Double> posts = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = -1; round < rounds; round++) { // round -1 warms both up
                boolean pipelineFirst = round % 2 == 0;
                double a = 0;
                double b = 0;
                for (int turn = 0; turn < 2; turn++) {
                    if ((turn == 0) == pipelineFirst) {
                        a = pipelineRound(app, persistence, tenant, events, memberships, received);
                    } else {
                        b = bareRound(bare, url, events, senders, received);
                    }
                }
                if (round >= 0) {
                    pipeline.add(a);
                    posts.add(b);
                    ratios.add(a / b);
                    System.out.printf("round %d: pipeline %.0f deliveries/s, bare posts %.0f/s, ratio %.3f%n", round,
                            a, b, a / b);
                }
            }
            System.out.printf("median: pipeline %.0f deliveries/s, bare posts %.0f/s, ratio of the medians %.3f, "
                    + "median ratio %.3f (%d events a round over %d memberships, 16 posts in flight, %s)%n",
                    Stats.median(pipeline), Stats.median(posts), Stats.median(pipeline) / Stats.median(posts),
                    Stats.median(ratios), events, memberships, jdbc.replaceAll("\\?.*", ""));
        } finally {
            receiver.stop(0);
            client.shutdownNow();
            senders.shutdownNow();
        }
        System.exit(0);
    }

    /** Appends the events (not timed: that is the change's own transaction), then times placing and delivering. */
    private static double pipelineRound(CardServices app, Persistence persistence, TenantId tenant, int events,
                                        int memberships, AtomicLong received) {
        persistence.transactions().inTransaction(() -> {
            for (int i = 0; i < events; i++) {
                String id = "ev_" + UUID.randomUUID();
                persistence.events().append(new MerchantEvent(id, 0, tenant, EventType.POINTS_CHANGED,
                        "membership/bench/" + (i % memberships), Instant.now(), "{\"id\":\"" + id
                                + "\",\"type\":\"membership.points_changed\",\"points\":" + i + "}"));
            }
            return events;
        });
        long before = received.get();
        long started = System.nanoTime();
        while (received.get() - before < events) {
            drainOnce(app);
        }
        return events / ((System.nanoTime() - started) / 1e9);
    }

    private static double bareRound(HttpClient bare, URI url, int events, ExecutorService senders,
                                    AtomicLong received) throws Exception {
        long started = System.nanoTime();
        List<Future<?>> posts = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            String body = "{\"id\":\"ev_" + UUID.randomUUID() + "\",\"type\":\"membership.points_changed\",\"points\":"
                    + i + "}";
            posts.add(senders.submit(() -> bare.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding())));
        }
        for (Future<?> post : posts) {
            post.get();
        }
        return events / ((System.nanoTime() - started) / 1e9);
    }

    private static void drain(CardServices app) {
        while (drainOnce(app) > 0) {
            // until nothing is left
        }
    }

    private static int drainOnce(CardServices app) {
        return app.relayEvents().placeEvents() + app.relayEvents().deliverWebhooks();
    }

    private WebhookThroughput() {}
}
