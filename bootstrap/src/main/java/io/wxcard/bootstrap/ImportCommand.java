package io.wxcard.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Imports existing members into a card: uploads the file to the running service (which stages it and sends the rows
 * to WeChat in the background) and follows the import with a progress bar. Interrupting this command does not stop
 * the import; {@code --follow ID} picks it up again.
 */
@Command(name = "import", description = "Import existing members (CSV or NDJSON of openid[,code,...]) into a card.")
final class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "a .csv (header row naming openid, code, phone, "
            + "membership_number, points, balance) or .ndjson / .jsonl file")
    Path file;
    @Option(names = "--card", description = "the card's id")
    String cardId;
    @Option(names = "--follow", paramLabel = "IMPORT", description = "follow an import already under way instead of uploading")
    String follow;
    @Mixin
    ServiceClient service;
    @Option(names = "--failures-out", paramLabel = "FILE", description = "write the failed rows (line,openid,reason) to this CSV file at the end")
    Path failuresOut;

    @Override
    public Integer call() throws IOException, InterruptedException {
        HttpJson api = service.api();
        String importId = follow != null ? follow : upload(api);
        JsonNode progress = followUntilDone(api, importId, System.out);
        report(progress);
        if (failuresOut != null) {
            HttpJson.Answer csv = api.get("/v1/imports/" + importId + "/failures?format=csv");
            Files.writeString(failuresOut, csv.body().has("text") ? csv.body().get("text").asText() : csv.body().toString());
            System.out.println("failed rows written to " + failuresOut);
        }
        return progress.path("counts").path("failed").asLong() == 0 ? 0 : 2;
    }

    private String upload(HttpJson api) throws IOException {
        if (file == null || cardId == null) {
            throw new IllegalArgumentException("give the FILE and --card (or --follow an import under way)");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".csv") ? "text/csv" : name.endsWith(".ndjson") || name.endsWith(".jsonl")
                ? "application/x-ndjson" : null;
        if (type == null) {
            throw new IllegalArgumentException("the file must be .csv, .ndjson or .jsonl: " + file);
        }
        System.out.printf("uploading %s (%,d bytes) to card %s ...%n", file, Files.size(file), cardId);
        JsonNode started = api.postFile("/v1/cards/" + cardId + "/imports", file, type).ok("starting the import");
        String importId = started.get("id").asText();
        System.out.printf("import %s: %,d lines staged (%,d duplicates in the file); sending to WeChat%n", importId,
                started.path("lines_read").asLong(), started.path("duplicates_in_file").asLong());
        return importId;
    }

    static JsonNode followUntilDone(HttpJson api, String importId, PrintStream out) throws InterruptedException {
        while (true) {
            JsonNode progress = api.get("/v1/imports/" + importId).ok("reading the import's progress");
            out.print("\r" + bar(progress));
            out.flush();
            if (progress.path("status").asText().equals("COMPLETED")) {
                out.println();
                return progress;
            }
            Thread.sleep(1000);
        }
    }

    /** [#########...........]  45%  450,000/1,000,000  1,204 rows/s  ETA 7m36s */
    static String bar(JsonNode progress) {
        JsonNode counts = progress.path("counts");
        long staged = counts.path("staged").asLong();
        long settled = counts.path("imported").asLong() + counts.path("skipped").asLong() + counts.path("failed").asLong();
        int percent = staged == 0 ? 100 : (int) (settled * 100 / staged);
        int filled = percent / 5;
        String eta = progress.has("eta_seconds") ? "ETA " + duration(Duration.ofSeconds(progress.get("eta_seconds").asLong())) : "";
        return String.format("[%s%s] %3d%%  %,d/%,d  %,.0f rows/s  %s   ", "#".repeat(filled), ".".repeat(20 - filled),
                percent, settled, staged, progress.path("rate_per_second").asDouble(), eta);
    }

    private static String duration(Duration d) {
        return d.toHours() > 0 ? d.toHours() + "h" + d.toMinutesPart() + "m" : d.toMinutes() > 0
                ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : d.toSeconds() + "s";
    }

    private static void report(JsonNode progress) {
        JsonNode counts = progress.path("counts");
        System.out.printf("import %s done: %,d imported, %,d skipped (already members), %,d failed, %,d duplicates "
                        + "in the file, %,d lines read%n", progress.path("id").asText(), counts.path("imported").asLong(),
                counts.path("skipped").asLong(), counts.path("failed").asLong(),
                progress.path("duplicates_in_file").asLong(), progress.path("lines_read").asLong());
        if (counts.path("failed").asLong() > 0) {
            System.out.println("the failed rows and their reasons: GET /v1/imports/" + progress.path("id").asText()
                    + "/failures (or --failures-out FILE)");
        }
    }
}
