package io.wxcard.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A card's gift-on-joining campaigns through the running service (issue 20 item 3, issue 17 item 5): start one (a
 * pay-to-join rule or a WeChat Pay activity), list, show, terminate, and record that an import's failures were
 * reviewed. The service's guard answers; its refusal is printed as it named what was wrong.
 */
@Command(name = "campaigns", description = "Start, list, show and terminate a card's gift-on-joining campaigns; "
        + "mark an import's failures reviewed.",
        subcommands = {CampaignsCommand.Create.class, CampaignsCommand.List.class, CampaignsCommand.Show.class,
                CampaignsCommand.Terminate.class, CampaignsCommand.Reviewed.class})
final class CampaignsCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "create", description = "Start a campaign on a card (refused while an import of the card runs "
            + "or has unreviewed failures, unless --override gives the reason).")
    static final class Create implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Mixin
        CardOption card;
        @Option(names = "--kind", defaultValue = "PAY_TO_JOIN", description = "PAY_TO_JOIN (default), "
                + "NON_MEMBER_AFTERPAY, MEMBER_AFTERPAY, NON_MEMBER_MINIPROGRAM or MEMBER_MINIPROGRAM")
        String kind;
        @Option(names = "--name", required = true, description = "the campaign's name")
        String name;
        @Option(names = "--mchid", description = "a WeChat Pay merchant whose payments count (repeatable)")
        java.util.List<String> mchids = new java.util.ArrayList<>();
        @Option(names = "--begin", required = true, description = "an ISO-8601 instant, e.g. 2027-01-01T00:00:00Z")
        String begin;
        @Option(names = "--end", required = true, description = "an ISO-8601 instant after --begin")
        String end;
        @Option(names = "--least-cost-fen", description = "PAY_TO_JOIN: the smallest payment that counts, in fen")
        Long leastCostFen;
        @Option(names = "--max-cost-fen", description = "PAY_TO_JOIN: the largest payment that counts, in fen")
        Long maxCostFen;
        @Option(names = "--override", description = "start although an import runs or has unreviewed failures: why")
        String overrideReason;
        @Option(names = "--gift", description = "WeChat Pay activities: a coupon batch given, "
                + "stock_creator_mchid:stock_id (repeatable, 1 to 5)")
        java.util.List<String> gifts = new java.util.ArrayList<>();
        @Option(names = "--logo-url", description = "WeChat Pay activities: the logo on the payment page (https)")
        String logoUrl;
        @Option(names = "--second-title", description = "WeChat Pay activities: the line under the name (at most 9)")
        String secondTitle;

        @Override
        public Integer call() {
            print(service.post(card.path() + "/campaigns", ServiceClient.body("kind", kind, "name", name, "mchids",
                    mchids, "begin", begin, "end", end, "least_cost_fen", leastCostFen, "max_cost_fen", maxCostFen,
                    "override_reason", overrideReason, "gifts", gifts.isEmpty() ? null : gifts,
                    "logo_url", logoUrl, "second_title", secondTitle), "starting the campaign"));
            return 0;
        }
    }

    @Command(name = "list", description = "List a card's campaigns, oldest first, each with WeChat's view.")
    static final class List implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Mixin
        CardOption card;

        @Override
        public Integer call() {
            JsonNode campaigns = service.api().get(card.path() + "/campaigns").ok("listing campaigns")
                    .path("campaigns");
            campaigns.forEach(CampaignsCommand::print);
            System.out.println(campaigns.size() + " campaigns");
            return 0;
        }
    }

    @Command(name = "show", description = "Show one campaign, with WeChat's view of it (its state on WeChat; not "
            + "confirmed when WeChat could not be read).")
    static final class Show implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Parameters(index = "0", paramLabel = "CAMPAIGN")
        String campaignId;

        @Override
        public Integer call() {
            print(service.api().get("/v1/campaigns/" + campaignId).ok("reading the campaign"));
            return 0;
        }
    }

    @Command(name = "terminate", description = "End a running campaign early (on WeChat first).")
    static final class Terminate implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Parameters(index = "0", paramLabel = "CAMPAIGN")
        String campaignId;

        @Override
        public Integer call() {
            print(service.post("/v1/campaigns/" + campaignId + "/terminate", Map.of(), "terminating the campaign"));
            return 0;
        }
    }

    @Command(name = "failures-reviewed", description = "Record that someone looked at an import's failed rows, so "
            + "that campaigns on its card stop waiting for them.")
    static final class Reviewed implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Parameters(index = "0", paramLabel = "IMPORT")
        String importId;
        @Option(names = "--note", required = true, description = "what the failures were")
        String note;

        @Override
        public Integer call() {
            JsonNode review = service.post("/v1/imports/" + importId + "/failures-reviewed", Map.of("note", note),
                    "recording the review");
            System.out.printf("import %s: failures reviewed at %s (%s)%n", review.path("import_id").asText(),
                    review.path("reviewed_at").asText(), review.path("note").asText());
            return 0;
        }
    }

    /** One line a campaign: what, when, its WeChat id, the members imports protected, and how it stands. */
    private static void print(JsonNode c) {
        String amounts = c.has("least_cost_fen") ? " " + c.path("least_cost_fen").asLong() + "-"
                + c.path("max_cost_fen").asLong() + " fen" : "";
        System.out.printf("%-24s %-22s %s%s %s..%s wechat %s, %d members protected%s%s%n", c.path("id").asText(),
                c.path("kind").asText(), c.path("name").asText(), amounts, c.path("begin").asText(),
                c.path("end").asText(), c.path("wechat_id").asText(), c.path("protected_members").asLong(),
                c.has("override_reason") ? ", overridden: " + c.path("override_reason").asText() : "",
                c.has("terminated_at") ? ", terminated at " + c.path("terminated_at").asText() : "");
        if (c.has("gifts")) {
            System.out.printf("  gifts %s, logo %s, \"%s\"%n", String.join(", ", iterable(c.path("gifts"))),
                    c.path("logo_url").asText(), c.path("second_title").asText());
        }
        JsonNode wechat = c.path("wechat");
        if (wechat.isObject()) {
            System.out.println(wechat.path("confirmed").asBoolean()
                    ? "  on WeChat: " + wechat.path("state").asText()
                            + (wechat.path("ended_on_wechat").asBoolean() ? " (ended on WeChat's side: recorded)" : "")
                    : "  on WeChat: NOT CONFIRMED, our stored view only: " + wechat.path("problem").asText());
        }
    }

    private static java.util.List<String> iterable(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(value -> out.add(value.asText()));
        return out;
    }
}
