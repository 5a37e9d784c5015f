package io.wxcard.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The tenant's stores through the running service (issue 17 item 4): add one, list them, make a store's QR code. */
@Command(name = "stores", description = "Add and list stores, and make a store's QR code for a card.",
        subcommands = {StoresCommand.Add.class, StoresCommand.List.class, StoresCommand.Qr.class})
final class StoresCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "add", description = "Add a store.")
    static final class Add implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--address", required = true, description = "the store's address")
        String address;
        @Option(names = "--location-id", description = "WeChat's location_id (a POI of the account), if it has one")
        Long locationId;

        @Override
        public Integer call() {
            JsonNode store = service.post("/v1/stores", ServiceClient.body("name", name, "address", address,
                    "location_id", locationId), "adding the store");
            System.out.println("store " + store.path("id").asText() + " added; its QR codes carry outer_str "
                    + store.path("outer_str").asText());
            return 0;
        }
    }

    @Command(name = "list", description = "List the tenant's stores, oldest first.")
    static final class List implements Callable<Integer> {
        @Mixin
        ServiceClient service;

        @Override
        public Integer call() {
            JsonNode items = service.api().get("/v1/stores").ok("listing stores").path("items");
            for (JsonNode store : items) {
                System.out.printf("%-28s %-24s %s%n", store.path("id").asText(), store.path("name").asText(),
                        store.path("address").asText());
            }
            System.out.println(items.size() + " stores");
            return 0;
        }
    }

    @Command(name = "qr", description = "Make a store's QR code for a card: new members and holders who scan it are "
            + "the store's.")
    static final class Qr implements Callable<Integer> {
        @Mixin
        ServiceClient service;
        @Parameters(index = "0", paramLabel = "STORE")
        String storeId;
        @Option(names = "--card", required = true, description = "our id of the card (as the API shows it)")
        String cardId;
        @Option(names = "--expire-seconds", description = "60 to 1800; absent for a code to print")
        Integer expireSeconds;

        @Override
        public Integer call() {
            JsonNode qr = service.api().get("/v1/cards/" + cardId + "/stores/" + storeId + "/qr-code"
                    + (expireSeconds == null ? "" : "?expire_seconds=" + expireSeconds)).ok("making the QR code");
            System.out.println("ticket " + qr.path("ticket").asText());
            System.out.println("url " + qr.path("url").asText());
            System.out.println("picture " + qr.path("show_qrcode_url").asText());
            System.out.println("outer_str " + qr.path("outer_str").asText());
            return 0;
        }
    }
}
