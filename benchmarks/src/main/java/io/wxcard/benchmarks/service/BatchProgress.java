package io.wxcard.benchmarks.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Watches a running ledger batch through the API ({@code GET /v1/cards/{id}/ledger-batches?limit=1}, newest first:
 * its lines counted so far) a few times a second, to tell whether its chunks cost the same at the end as at the
 * start: {@link #slices} answers the lines per second over each tenth of the batch. A batch whose chunks grow dearer
 * as the ledgers grow shows falling slices; one whose chunks cost the same shows them flat.
 */
final class BatchProgress implements AutoCloseable {

    /** A count of the batch's lines (applied, replayed, unchanged and failed) at a time (ns since the start). */
    record Sample(long nanos, long lines) {}

    private final Api api;
    private final String path;
    private final String before;
    private final long start = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread watcher;
    private volatile boolean running = true;

    /**
     * Starts watching the card's newest batch that is not {@code before} (the id of the newest batch when the
     * upload starts, or null if there is none).
     */
    BatchProgress(ServiceWorld world, String before) {
        this.api = new Api(world.serviceUrl(), world.apiKey());
        this.path = "/v1/cards/" + world.cardId() + "/ledger-batches?limit=1";
        this.before = before;
        this.watcher = new Thread(this::watch, "batch-progress");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Nanoseconds since the watching started. */
    long elapsed() {
        return System.nanoTime() - start;
    }

    /** The id of the card's newest batch, or null. */
    static String newest(ServiceWorld world) {
        JsonNode items = new Api(world.serviceUrl(), world.apiKey())
                .get("/v1/cards/" + world.cardId() + "/ledger-batches?limit=1").expect(200, "listing batches")
                .path("items");
        return items.isEmpty() ? null : items.get(0).path("id").asText();
    }

    private void watch() {
        while (running) {
            try {
                JsonNode items = api.get(path).json().path("items");
                if (!items.isEmpty() && !items.get(0).path("id").asText().equals(before)) {
                    JsonNode batch = items.get(0);
                    long lines = batch.path("applied").asLong() + batch.path("replayed").asLong()
                            + batch.path("unchanged").asLong() + batch.path("failed").asLong();
                    synchronized (samples) {
                        samples.add(new Sample(System.nanoTime() - start, lines));
                    }
                }
                Thread.sleep(250);
            } catch (InterruptedException stop) {
                return;
            } catch (RuntimeException noAnswer) {
                if (!running) {
                    return; // closed while asking
                }
                try {
                    Thread.sleep(250); // a busy service: the next sample will do
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /**
     * Lines per second over each tenth of {@code total} lines, from the samples taken on either side of its bounds;
     * the last slice ends at {@code endNanos} (the answer) with every line counted.
     */
    String slices(long total, long endNanos) {
        List<Sample> seen;
        synchronized (samples) {
            seen = new ArrayList<>(samples);
        }
        seen.add(0, new Sample(0, 0));
        seen.add(new Sample(endNanos, total));
        StringJoiner out = new StringJoiner(", ");
        long from = 0;
        Sample last = seen.get(0);
        for (int tenth = 1; tenth <= 10; tenth++) {
            long bound = total * tenth / 10;
            Sample reached = seen.stream().filter(s -> s.lines() >= bound).findFirst().orElse(seen.get(seen.size() - 1));
            double seconds = (reached.nanos() - last.nanos()) / 1e9;
            long lines = reached.lines() - last.lines();
            out.add(lines == 0 || seconds <= 0 ? "-" : String.format("%,.0f", lines / seconds));
            from = reached.lines();
            last = reached;
        }
        return out + " (lines/s over each tenth, " + (from == total ? "" : "not ") + "to the end)";
    }

    @Override
    public void close() {
        running = false;
        watcher.interrupt();
    }
}
