package io.wxcard.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A card's loyalty (issue 17) through the running service, as the REST API has it: levels, points rule and notices
 * set from a JSON file (the same body as {@code PUT /v1/cards/{id}/levels}, {@code /points-rules}, {@code /notices}),
 * the set-up shown, a purchase recorded, and the jobs of time passing run on demand.
 */
@Command(name = "loyalty", description = "Set a card's levels, points rule and notices from JSON files, show them, "
        + "record a purchase, expire points, review and promote members' levels.",
        subcommands = {LoyaltyCommand.Show.class, LoyaltyCommand.SetPart.Levels.class,
                LoyaltyCommand.SetPart.PointsRule.class, LoyaltyCommand.SetPart.Notices.class,
                LoyaltyCommand.Purchase.class, LoyaltyCommand.Job.ExpirePoints.class,
                LoyaltyCommand.Job.ReviewLevels.class, LoyaltyCommand.Job.Promote.class})
final class LoyaltyCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "show", description = "Show the card's levels, points rule and notices (JSON, as the API has it).")
    static final class Show implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Mixin
        CardOption card;

        @Override
        public Integer call() throws IOException {
            JsonNode loyalty = service.api().get(card.path() + "/loyalty").ok("reading the card's loyalty");
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(loyalty));
            return 0;
        }
    }

    /** One part of the set-up from a JSON file; the service checks it and names what is wrong. */
    abstract static class SetPart implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Mixin
        CardOption card;
        @Option(names = "--file", required = true, description = "the JSON body, as the REST API takes it")
        Path file;

        abstract String part();

        @Override
        public Integer call() {
            JsonNode body;
            try {
                body = JSON.readTree(Files.readString(file));
            } catch (IOException unreadable) {
                throw new UncheckedIOException("cannot read " + file + " as JSON: " + unreadable.getMessage(),
                        unreadable);
            }
            service.api().put(card.path() + "/" + part(), body).ok("setting the card's " + part());
            System.out.println("card " + card.id + ": " + part() + " set from " + file);
            return 0;
        }

        @Command(name = "set-levels", description = "Set the card's member levels from a JSON file.")
        static final class Levels extends SetPart {
            @Override
            String part() {
                return "levels";
            }
        }

        @Command(name = "set-points-rule", description = "Set how purchases earn points, from a JSON file.")
        static final class PointsRule extends SetPart {
            @Override
            String part() {
                return "points-rules";
            }
        }

        @Command(name = "set-notices", description = "Choose which changes notify members, from a JSON file.")
        static final class Notices extends SetPart {
            @Override
            String part() {
                return "notices";
            }
        }
    }

    @Command(name = "purchase", description = "Record a member's purchase: it earns points under the card's rule.")
    static final class Purchase implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Mixin
        CardOption card;
        @Option(names = "--code", required = true, description = "the member's card code")
        String code;
        @Option(names = "--amount-fen", required = true, description = "what the member paid, in fen")
        long amountFen;
        @Option(names = "--key", description = "the purchase's idempotency key (the order number); default: a new one")
        String key;

        @Override
        public Integer call() {
            String idempotencyKey = key != null ? key : "cli-" + UUID.randomUUID();
            JsonNode paid = service.post(card.path() + "/memberships/" + code + "/purchases",
                    Map.of("amount_fen", amountFen), Map.of("Idempotency-Key", idempotencyKey), "recording the purchase");
            System.out.printf("purchase %s: %d points earned%s%n", idempotencyKey, paid.path("points_earned").asLong(),
                    paid.path("promoted_to").isTextual() ? ", promoted to " + paid.path("promoted_to").asText() : "");
            return 0;
        }
    }

    /** A job of time passing, run now for one card; each answers how many members it changed. */
    abstract static class Job implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Mixin
        CardOption card;

        abstract String path();

        abstract String done();

        @Override
        public Integer call() {
            JsonNode count = service.post(card.path() + "/" + path(), Map.of(), path());
            System.out.println(count.path("members").asLong() + " " + done());
            return 0;
        }

        @Command(name = "expire-points", description = "Expire the points the card's rule says are due.")
        static final class ExpirePoints extends Job {
            @Override
            String path() {
                return "points-expiry";
            }

            @Override
            String done() {
                return "members had points expire";
            }
        }

        @Command(name = "review-levels", description = "Move members down at a demotion period's end.")
        static final class ReviewLevels extends Job {
            @Override
            String path() {
                return "level-review";
            }

            @Override
            String done() {
                return "members moved down";
            }
        }

        @Command(name = "promote", description = "Move up every member whose points or spend already hold a "
                + "higher level (members from before the levels were set).")
        static final class Promote extends Job {
            @Override
            String path() {
                return "level-promotion";
            }

            @Override
            String done() {
                return "members moved up";
            }
        }
    }
}
