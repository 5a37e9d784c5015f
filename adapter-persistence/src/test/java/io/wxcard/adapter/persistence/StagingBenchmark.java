package io.wxcard.adapter.persistence;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.TenantId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How fast a big import is staged and how fast it is read while it runs, on each database. Not part of the build's
 * tests; run it with
 *
 * <pre>mvn -B -pl adapter-persistence test -Dtest=StagingBenchmark -Dwxcard.benchmark.rows=1000000
 *     [-Dwxcard.benchmark.vendors=h2,postgres,mariadb]</pre>
 *
 * <p>Staging is done as {@code ImportService} does it: batches of 1000 lines, each {@code stage} call in its own
 * transaction. One line in 100 is unreadable (a failed row) and one in 50 repeats an earlier openid (a duplicate, half
 * of them within the same batch). The rate counts lines handed to {@code stage} per second of wall time.
 */
@EnabledIfSystemProperty(named = "wxcard.benchmark.rows", matches = "\\d+")
class StagingBenchmark {

    private static final int BATCH = 1_000;

    @Test
    void stages_and_reads_a_big_import() {
        long rows = Long.parseLong(System.getProperty("wxcard.benchmark.rows"));
        String vendors = System.getProperty("wxcard.benchmark.vendors", "h2,postgres,mariadb");
        for (String vendor : vendors.split(",")) {
            try (TestDatabase database = switch (vendor.trim().toLowerCase(Locale.ROOT)) {
                case "h2" -> TestDatabase.h2();
                case "postgres" -> TestDatabase.postgres();
                case "mariadb" -> TestDatabase.mariadb();
                default -> throw new IllegalArgumentException("unknown vendor " + vendor);
            }; RunningDatabase running = RunningDatabase.start(database)) {
                run(database.vendorName(), running.persistence(), rows);
            }
        }
    }

    private static void run(String vendor, Persistence persistence, long lines) {
        TenantId tenant = Fixtures.uniqueTenantId();
        CardId card = new CardId("card1");
        persistence.tenants().save(Fixtures.tenant(tenant));
        persistence.cards().save(Fixtures.draftCard(tenant, card));
        ImportJobStore imports = persistence.imports();
        TransactionBoundary tx = persistence.transactions();
        ImportJobId job = new ImportJobId("imp_bench");
        imports.create(ImportJob.started(job, tenant, card, T0));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        long duplicates = 0;
        List<ImportRow> batch = new ArrayList<>(BATCH);
        for (long line = 1; line <= lines; line++) {
            batch.add(row(job, line));
            if (batch.size() == BATCH || line == lines) {
                List<ImportRow> staging = batch;
                duplicates += tx.inTransaction(() -> stageNew(imports, job, staging));
                batch = new ArrayList<>(BATCH);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        imports.staged(job, lines, duplicates, T0);
        System.out.printf(Locale.ROOT, "%s: staged %,d lines in %.1f s = %,.0f lines/s (%,d duplicates); the staging "
                + "thread used %.1f s of CPU = %,.0f lines per CPU second (all of the work on H2, the client's part "
                + "on the servers); load average %.1f%n", vendor, lines, seconds, lines / seconds, duplicates,
                cpuSeconds, lines / cpuSeconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        ImportJob.Counts counts = timed(vendor, "counts()", () -> imports.counts(job));
        assertThat(counts.staged() + duplicates).isEqualTo(lines);
        long middle = lines / 2;
        timed(vendor, "due(after the middle, 100)", () -> imports.due(job, middle, 100, T0));
        timed(vendor, "nextDue()", () -> imports.nextDue(job));
        timed(vendor, "failures(page 100 of 50)", () -> imports.failures(job, new PageRequest(100 * 50, 50)));
        imports.retryLater(job, 2, T0.plusSeconds(60), "429");
        timed(vendor, "imported(line)", () -> {
            imports.imported(job, 3, new Code("c3"), T0);
            return null;
        });
        timed(vendor, "counts() after settling", () -> imports.counts(job));
        timed(vendor, "tryLease", () -> imports.tryLease(job, "me", T0, Duration.ofSeconds(30)));
    }

    private static <T> T timed(String vendor, String what, Supplier<T> call) {
        call.get(); // warm
        int times = 20;
        long started = System.nanoTime();
        T result = null;
        for (int i = 0; i < times; i++) {
            result = call.get();
        }
        System.out.printf(Locale.ROOT, "%s:   %s takes %.2f ms%n", vendor, what,
                (System.nanoTime() - started) / 1e6 / times);
        return result;
    }

    /** Line n: openid o{n}; every 100th unreadable; every 50th repeats line n-7 (the same batch) or n-1500 (earlier). */
    /** As the application stages: the first line of an openid wins; answers how many were left out. */
    private static int stageNew(ImportJobStore imports, ImportJobId job, List<ImportRow> batch) {
        java.util.Set<OpenId> keys = new java.util.HashSet<>();
        batch.forEach(row -> row.dedupeKey().forEach(keys::add));
        java.util.Set<OpenId> seen = new java.util.HashSet<>(imports.alreadyStaged(job, keys));
        List<ImportRow> fresh = batch.stream().filter(row -> row.dedupeKey().forAll(seen::add)).toList();
        if (!fresh.isEmpty()) {
            imports.stage(job, fresh);
        }
        return batch.size() - fresh.size();
    }

    private static ImportRow row(ImportJobId job, long line) {
        if (line % 100 == 0) {
            return ImportRow.unreadable(job, line, "no openid", T0);
        }
        long person = line % 50 == 1 && line > 1_500 ? (line % 100 == 1 ? line - 7 : line - 1_500) : line;
        String openId = "oBenchmarkOpenId_" + person;
        return ImportRow.pending(job, line, new OpenId(openId), Option.none(),
                Option.of(new Phone("1380000" + (person % 10_000))), Option.none(), Option.of(Points.of(person % 1000)),
                Option.none(), "imp-" + openId, T0);
    }
}
