package io.wxcard.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Applies a ledger batch (a CRM's or ERP's points and stored-value changes) to a card through the running service,
 * with a progress bar: the service applies the lines as it reads them, a chunk per transaction, and the card's
 * newest batch shows how far it got. Interrupted, the lines counted are applied; running the same file again applies
 * the rest (each line's idempotency key makes the others replays). {@code --show ID} prints a batch and its failures.
 */
@Command(name = "ledger-batch", description = "Apply a batch of points/stored-value changes (CSV or NDJSON) to a card.")
final class LedgerBatchCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "a .csv (header row naming code|phone|"
            + "membership_number, points|points_target, balance|balance_target, reason, idempotency_key[, "
            + "notify_member]) or .ndjson / .jsonl file")
    Path file;
    @Option(names = "--card", description = "the card's id")
    String cardId;
    @Option(names = "--show", paramLabel = "BATCH", description = "print a batch and its failed lines instead of uploading")
    String show;
    @Mixin
    ServiceClient service;

    @Override
    public Integer call() throws IOException, InterruptedException {
        HttpJson api = service.api();
        JsonNode batch = show != null ? api.get("/v1/ledger-batches/" + show).ok("reading the batch") : upload(api);
        report(api, batch, System.out);
        return batch.path("failed").asLong() == 0 ? 0 : 2;
    }

    private JsonNode upload(HttpJson api) throws IOException, InterruptedException {
        if (file == null || cardId == null) {
            throw new IllegalArgumentException("give the FILE and --card (or --show a batch)");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".ndjson") && !name.endsWith(".jsonl")) {
            throw new IllegalArgumentException("the file must be .csv, .ndjson or .jsonl: " + file);
        }
        long lines = lines(file) - (csv ? 1 : 0);
        System.out.printf("applying %s (%,d lines) to card %s ...%n", file, lines, cardId);
        CompletableFuture<HttpJson.Answer> sent = CompletableFuture.supplyAsync(() -> {
            try {
                return api.postFile("/v1/cards/" + cardId + "/ledger-batches", file,
                        csv ? "text/csv" : "application/x-ndjson");
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage());
            }
        });
        while (true) {
            try {
                JsonNode done = sent.get(1, TimeUnit.SECONDS).ok("applying the batch");
                System.out.println("\r" + bar(done.path("lines").asLong(), lines));
                return done;
            } catch (TimeoutException stillRunning) {
                JsonNode newest = api.get("/v1/cards/" + cardId + "/ledger-batches?limit=1").ok("reading progress")
                        .path("items").path(0);
                if (newest.path("status").asText().equals("RUNNING")) {
                    System.out.print("\r" + bar(newest.path("lines").asLong(), lines));
                    System.out.flush();
                }
            } catch (java.util.concurrent.ExecutionException failed) {
                throw failed.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(failed.getCause());
            }
        }
    }

    /** Lines that are not blank (what the service counts), read a line at a time. */
    private static long lines(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.lines().filter(line -> !line.isBlank()).count();
        }
    }

    /** [#########...........]  45%  45,000/100,000 lines */
    static String bar(long done, long total) {
        int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        int filled = percent / 5;
        return String.format("[%s%s] %3d%%  %,d/%,d lines   ", "#".repeat(filled), ".".repeat(20 - filled), percent,
                done, total);
    }

    private static void report(HttpJson api, JsonNode batch, PrintStream out) {
        String id = batch.path("id").asText();
        out.printf("ledger batch %s %s: %,d applied, %,d replayed (sent before), %,d unchanged (at target), %,d "
                        + "failed, of %,d lines%n", id, batch.path("status").asText(), batch.path("applied").asLong(),
                batch.path("replayed").asLong(), batch.path("unchanged").asLong(), batch.path("failed").asLong(),
                batch.path("lines").asLong());
        if (batch.path("failed").asLong() > 0) {
            JsonNode failures = api.get("/v1/ledger-batches/" + id + "/failures?limit=20").ok("reading the failures");
            failures.path("items").forEach(failure -> out.printf("  line %d: %s%n", failure.path("line").asLong(),
                    failure.path("reason").asText()));
            if (failures.path("total").asLong() > 20) {
                out.printf("  ... %,d more: GET /v1/ledger-batches/%s/failures%n", failures.path("total").asLong() - 20,
                        id);
            }
        }
        if (batch.path("status").asText().equals("INTERRUPTED")) {
            out.println("the batch broke off: run the same file again to apply the rest");
        }
    }
}
