package io.wxcard.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The tenant's webhooks through the running service: list them, list dead deliveries, send one again. */
@Command(name = "webhooks", description = "List webhooks and dead deliveries, and redeliver one.",
        subcommands = {WebhooksCommand.List.class, WebhooksCommand.Dead.class, WebhooksCommand.Redeliver.class})
final class WebhooksCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "list", description = "List the tenant's webhooks (their secrets are never shown again).")
    static final class List implements Callable<Integer> {
        @Mixin
        ServiceClient service;

        @Override
        public Integer call() {
            for (JsonNode hook : service.api().get("/v1/webhooks").ok("listing webhooks").path("items")) {
                System.out.printf("%-28s %s  %s%n", hook.path("id").asText(), hook.path("url").asText(),
                        hook.path("event_types"));
            }
            return 0;
        }
    }

    @Command(name = "dead", description = "List deliveries given up on after the retry span, oldest first.")
    static final class Dead implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Option(names = "--limit", defaultValue = "100", description = "at most this many (1 to 500)")
        int limit;

        @Override
        public Integer call() {
            JsonNode items = service.api().get("/v1/webhooks/dead-deliveries?limit=" + limit)
                    .ok("listing dead deliveries").path("items");
            for (JsonNode dead : items) {
                System.out.printf("%-28s %-28s %-28s %4d attempts  %s%n", dead.path("webhook_id").asText(),
                        dead.path("event_id").asText(), dead.path("event_type").asText(), dead.path("attempts").asInt(),
                        dead.path("last_error").asText());
            }
            System.out.println(items.size() + " dead deliveries");
            return 0;
        }
    }

    @Command(name = "redeliver", description = "Send a dead delivery again (same event id).")
    static final class Redeliver implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Parameters(index = "0", paramLabel = "WEBHOOK")
        String webhookId;
        @Parameters(index = "1", paramLabel = "EVENT")
        String eventId;

        @Override
        public Integer call() {
            service.api().post("/v1/webhooks/" + webhookId + "/deliveries/" + eventId + "/redeliver", null, Map.of())
                    .ok("redelivering");
            System.out.println("event " + eventId + " is queued for webhook " + webhookId + " again");
            return 0;
        }
    }
}
