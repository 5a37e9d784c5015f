package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A large import is streamed, not held: a million generated lines (never in memory on the client either) are
 * uploaded to the API running in a JVM of its own ({@link ImportHeapProbe}) whose heap is capped at
 * {@value #HEAP_LIMIT}; staging must complete there, and the heap the probe saw right after its collections must stay
 * far below what the upload weighs.
 */
class ImportHeapTest {

    /** One million by default (36 MB of CSV); {@code -Dwxcard.importHeapTest.lines=5000000} for the full size. */
    static final int LINES = Integer.getInteger("wxcard.importHeapTest.lines", 1_000_000);
    /** What the server may hold beyond its baseline while the upload goes through: a few batches, buffers, parsers. */
    static final long HELD_LIMIT = 16L * 1024 * 1024;
    static final String HEAP_LIMIT = "64m";
    /** Every this many lines, one that cannot be read: failures go through the same stream. */
    static final int BAD_EVERY = 1_000;

    @Test
    void a_large_upload_is_staged_within_a_small_heap() throws Exception {
        Process probe = new ProcessBuilder(javaBinary(), "-Xmx" + HEAP_LIMIT, "-cp", System.getProperty("java.class.path"),
                ImportHeapProbe.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8));
            Writer in = new OutputStreamWriter(probe.getOutputStream(), StandardCharsets.UTF_8);
            String[] ready = expect(out, "READY ").split(" ");
            Http http = new Http(Integer.parseInt(ready[0]), ready[1]);
            String card = ready[2];
            command(in, "reset");

            long started = System.nanoTime();
            GeneratedCsv body = new GeneratedCsv(LINES);
            Http.Answer answer = http.stream("/v1/cards/" + card + "/imports", () -> body, "text/csv",
                    Duration.ofMinutes(5));
            long millis = (System.nanoTime() - started) / 1_000_000;
            command(in, "report");
            Map<String, Long> heap = figures(expect(out, "HEAP "));

            assertThat(answer.status()).as("%s", answer).isEqualTo(202);
            JsonNode job = answer.json();
            assertThat(job.get("lines_read").asLong()).isEqualTo(LINES);
            assertThat(job.at("/counts/staged").asLong()).isEqualTo(LINES);
            assertThat(job.at("/counts/failed").asLong()).isEqualTo(LINES / BAD_EVERY);
            assertThat(job.get("status").asText()).isEqualTo("RUNNING");
            JsonNode read = http.get("/v1/imports/" + job.get("id").asText()).json();
            assertThat(read.get("lines_read").asLong()).isEqualTo(LINES);
            System.out.printf("import heap: %,d lines (%,d bytes) staged in %,d ms; server heap capped at %s (max %,d): "
                            + "baseline %,d, peak in use %,d, peak right after a collection %,d, after the upload %,d, "
                            + "%d collections%n", LINES, body.bytes, millis, HEAP_LIMIT, heap.get("max"),
                    heap.get("baseline"), heap.get("peak_used"), heap.get("peak_after_gc"), heap.get("now_after_gc"),
                    heap.get("gcs"));
            assertThat(body.bytes).as("the upload outweighs the server's whole heap").isGreaterThan(heap.get("max") / 2);
            assertThat(heap.get("peak_after_gc") - heap.get("baseline"))
                    .as("held beyond the baseline right after a collection, while %,d bytes went through", body.bytes)
                    .isLessThan(HELD_LIMIT);
        } finally {
            probe.getOutputStream().close();
            if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
            }
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static void command(Writer in, String command) throws IOException {
        in.write(command + "\n");
        in.flush();
    }

    /** The probe's next line starting with the prefix (it prints nothing else on standard output), without it. */
    private static String expect(BufferedReader out, String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new AssertionError("the probe stopped before printing " + prefix.trim() + " (see its standard error)");
    }

    private static Map<String, Long> figures(String line) {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (String pair : line.trim().split(" ")) {
            String[] parts = pair.split("=");
            figures.put(parts[0], Long.parseLong(parts[1]));
        }
        return figures;
    }

    /** A CSV import made up as it is read: a header, then one member per line, every 1000th line unreadable. */
    static final class GeneratedCsv extends InputStream {
        private final int lines;
        private int line;
        private byte[] current = "openid,code,points,balance\n".getBytes(StandardCharsets.UTF_8);
        private int position;
        long bytes;

        GeneratedCsv(int lines) {
            this.lines = lines;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int written = 0;
            while (written < length) {
                if (position == current.length) {
                    if (line == lines) {
                        break;
                    }
                    line++;
                    String text = line % BAD_EVERY == 0 ? "not an openid " + line + ",,,\n"
                            : "o_member_" + line + ",code_" + line + "," + (line % 5000) + "," + (line % 700) + "\n";
                    current = text.getBytes(StandardCharsets.UTF_8);
                    position = 0;
                }
                int n = Math.min(length - written, current.length - position);
                System.arraycopy(current, position, buffer, offset + written, n);
                position += n;
                written += n;
            }
            bytes += written;
            return written == 0 ? -1 : written;
        }
    }
}
