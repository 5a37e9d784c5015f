package io.wxcard.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Finds a member's memberships on all of the tenant's cards, through the running service's {@code GET /v1/members}:
 * the same look-up the merchant's CRM makes. Phones are printed masked, as the service answers them. {@code members
 * wechat-pay} shows what WeChat Pay holds for one membership of an upgraded card, beside the ledger.
 */
@Command(name = "members", description = "Find members by phone, membership number, openid or unionid.",
        subcommands = {MembersCommand.Find.class, MembersCommand.WechatPay.class})
final class MembersCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "find", description = "Find a member's memberships (exactly one of the filters).")
    static final class Find implements Callable<Integer> {

        @Mixin
        ServiceClient service;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Filter filter;

        static final class Filter {
            @Option(names = "--phone", description = "a phone number, in any form (+86 138 0013 8000, 13800138000)")
            String phone;
            @Option(names = "--membership-number", description = "the membership number on the card")
            String membershipNumber;
            @Option(names = "--openid", description = "the member's openid")
            String openid;
            @Option(names = "--unionid", description = "the member's unionid")
            String unionid;
        }

        @Override
        public Integer call() {
            Map<String, String> given = new LinkedHashMap<>();
            given.put("phone", filter.phone);
            given.put("membership_number", filter.membershipNumber);
            given.put("openid", filter.openid);
            given.put("unionid", filter.unionid);
            Map.Entry<String, String> chosen = given.entrySet().stream().filter(e -> e.getValue() != null)
                    .findFirst().orElseThrow();
            JsonNode found = service.api().get("/v1/members?" + chosen.getKey() + "="
                    + URLEncoder.encode(chosen.getValue(), StandardCharsets.UTF_8)).ok("finding members");
            JsonNode items = found.path("items");
            if (items.isEmpty()) {
                System.out.println("no membership matches");
                return 1;
            }
            System.out.printf("%-20s %-14s %-12s %-12s %10s %12s  %s%n", "card", "code", "state", "phone", "points",
                    "balance(fen)", "membership number");
            for (JsonNode item : items) {
                System.out.printf("%-20s %-14s %-12s %-12s %10d %12d  %s%n", item.path("card_id").asText(),
                        item.path("code").asText(), item.path("state").asText(), item.path("phone").asText("-"),
                        item.path("points").asLong(), item.path("balance").asLong(),
                        item.path("membership_number").asText("-"));
            }
            return 0;
        }
    }

    @Command(name = "wechat-pay", description = "What WeChat Pay holds for a membership of a card upgraded for WeChat "
            + "Pay (state, points, stored value) and whether it equals our ledger; exit 1 when it does not.")
    static final class WechatPay implements Callable<Integer> {

        @Mixin
        ServiceClient service;
        @Option(names = "--card", required = true, description = "our id of the card (as the API shows it)")
        String cardId;
        @Option(names = "--code", required = true, description = "the membership's code")
        String code;

        @Override
        public Integer call() {
            JsonNode held = service.api().get("/v1/cards/" + URLEncoder.encode(cardId, StandardCharsets.UTF_8)
                    + "/memberships/" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "/wechat-pay")
                    .ok("reading the membership on WeChat Pay");
            System.out.printf("%-14s %-14s %10s %12s%n", "", "state", "points", "balance(fen)");
            System.out.printf("%-14s %-14s %10d %12d%n", "WeChat Pay", held.path("status").asText(),
                    held.path("points").asLong(), held.path("balance").asLong());
            System.out.printf("%-14s %-14s %10d %12d%n", "our ledger", "", held.path("ledger_points").asLong(),
                    held.path("ledger_balance").asLong());
            boolean matches = held.path("matches_ledger").asBoolean();
            System.out.println(matches ? "WeChat Pay shows what the ledger says"
                    : "WeChat Pay differs from the ledger (points " + (held.path("points_match").asBoolean() ? "equal"
                    : "differ") + ", balance " + (held.path("balance_match").asBoolean() ? "equal" : "differ")
                    + "); the outbox syncs it after a change");
            return matches ? 0 : 1;
        }
    }
}
