package io.wxcard.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A card's segments through the running service (issue 17 item 6): define one, list them, sync one to its WeChat tag,
 * preview the card to a test follower, and send it to the segment (refused without a preview in the last 24 hours).
 */
@Command(name = "segments", description = "Define, list and sync a card's segments; preview the card and send it to "
        + "a segment.", subcommands = {SegmentsCommand.Add.class, SegmentsCommand.List.class,
        SegmentsCommand.Sync.class, SegmentsCommand.Preview.class, SegmentsCommand.Send.class})
final class SegmentsCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    private static String segments(CardOption card) {
        return card.path() + "/segments";
    }

    @Command(name = "add", description = "Define a segment: every criterion given must hold (none: every member).")
    static final class Add implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Parameters(index = "0", paramLabel = "NAME", description = "the segment's name, and its WeChat tag's")
        String name;
        @Mixin
        CardOption card;
        @Option(names = "--min-points", description = "at least this many points")
        Long minPoints;
        @Option(names = "--max-points", description = "at most this many points")
        Long maxPoints;
        @Option(names = "--store", description = "brought in by this store (its id)")
        String store;
        @Option(names = "--active-within-days", description = "a ledger entry or store visit in the last N days")
        Integer activeWithinDays;
        @Option(names = "--imported", arity = "1", description = "true: imported members only; false: joined on WeChat")
        Boolean imported;
        @Option(names = "--level", description = "at this member level")
        String level;

        @Override
        public Integer call() {
            JsonNode segment = service.post(segments(card), ServiceClient.body("name", name, "min_points", minPoints,
                    "max_points", maxPoints, "store", store, "active_within_days", activeWithinDays, "imported",
                    imported, "level", level), "defining the segment");
            System.out.println("segment " + segment.path("id").asText() + " defined; sync it to make it a WeChat tag");
            return 0;
        }
    }

    @Command(name = "list", description = "List the card's segments, oldest first.")
    static final class List implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Mixin
        CardOption card;

        @Override
        public Integer call() {
            JsonNode items = service.api().get(segments(card)).ok("listing segments").path("items");
            for (JsonNode segment : items) {
                System.out.printf("%-28s %-32s tag %s  %s%n", segment.path("id").asText(),
                        segment.path("name").asText(), segment.path("wechat_tag_id").asText("-"),
                        segment.path("criteria"));
            }
            System.out.println(items.size() + " segments");
            return 0;
        }
    }

    @Command(name = "sync", description = "Make the segment a WeChat tag its members carry (and members who left it "
            + "do not).")
    static final class Sync implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Parameters(index = "0", paramLabel = "SEGMENT")
        String segmentId;
        @Mixin
        CardOption card;

        @Override
        public Integer call() {
            JsonNode sync = service.post(segments(card) + "/" + segmentId + "/sync", Map.of(), "syncing the segment");
            System.out.printf("tag %s: %d tagged, %d untagged%n", sync.path("segment").path("wechat_tag_id").asText(),
                    sync.path("tagged").asInt(), sync.path("untagged").asInt());
            return 0;
        }
    }

    @Command(name = "preview", description = "Send the card to a test follower (needed before a mass send).")
    static final class Preview implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Parameters(index = "0", paramLabel = "SEGMENT")
        String segmentId;
        @Mixin
        CardOption card;
        @Option(names = "--openid", required = true, description = "the test follower's openid")
        String openId;

        @Override
        public Integer call() {
            JsonNode sent = service.post(segments(card) + "/" + segmentId + "/previews", Map.of("openid", openId),
                    "previewing");
            System.out.println("preview sent to " + openId + ", msg_id " + sent.path("msg_id").asText());
            return 0;
        }
    }

    @Command(name = "send", description = "Send the card to the segment's WeChat tag (after a preview).")
    static final class Send implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Parameters(index = "0", paramLabel = "SEGMENT")
        String segmentId;
        @Mixin
        CardOption card;

        @Override
        public Integer call() {
            JsonNode sent = service.post(segments(card) + "/" + segmentId + "/mass-sends", Map.of(), "sending");
            System.out.println("sent to " + sent.path("target").asText() + ", msg_id " + sent.path("msg_id").asText());
            return 0;
        }
    }
}
