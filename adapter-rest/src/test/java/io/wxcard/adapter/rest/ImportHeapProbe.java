package io.wxcard.adapter.rest;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The HTTP API in a JVM of its own, for {@link ImportHeapTest}: the real API and services over the in-memory stores,
 * except imports, whose store here only counts (a database keeps the rows, not the heap; the in-memory store would
 * measure itself). Prints {@code READY <port> <api key> <card id>}, then samples the heap until asked on standard
 * input: {@code reset} collects, takes the heap then as the baseline and forgets the peaks so far, {@code report}
 * prints {@code HEAP ...} (bytes), and the end of the input stops it.
 */
public final class ImportHeapProbe {

    private ImportHeapProbe() {}

    public static void main(String[] args) throws Exception {
        ApiHarness h = new ApiHarness(new CountingImportStore(), useCases -> useCases, ApiHarness.TUNING, () -> true,
                new RestSettings("127.0.0.1", 0, RestSettings.DEFAULT_MAX_BODY_BYTES,
                        RestSettings.DEFAULT_MAX_IMPORT_BYTES));
        Merchant m = h.newMerchant().withPayCredentials();
        String card = m.approved(Cards.merchantPage());
        Sampler sampler = new Sampler();
        Thread thread = new Thread(sampler, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
        System.out.println("READY " + h.api.port() + " " + m.key + " " + card);
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command;
        long baseline = 0;
        while ((command = commands.readLine()) != null) {
            if (command.equals("reset")) {
                settle();
                baseline = heapUsed();
                sampler.reset();
            } else if (command.equals("report")) {
                long peakUsed = sampler.peakUsed.get();
                long peakAfterGc = sampler.peakAfterGc.get();
                settle();
                System.out.println("HEAP baseline=" + baseline + " peak_used=" + peakUsed + " peak_after_gc="
                        + peakAfterGc + " now_after_gc=" + heapUsed() + " max=" + Runtime.getRuntime().maxMemory()
                        + " gcs=" + gcCount());
                System.out.flush();
            }
        }
        h.close();
        System.exit(0);
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionCount())).sum();
    }

    /**
     * The heap in use, every 2 ms (garbage included: bounded by -Xmx, it says little), and the heap in use right
     * after each collection, from the collectors' own notifications: the live data plus what the collector has not
     * reclaimed yet, an upper bound of what is held. An upload held in memory would show there.
     */
    private static final class Sampler implements Runnable {
        final AtomicLong peakUsed = new AtomicLong();
        final AtomicLong peakAfterGc = new AtomicLong();

        Sampler() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        return;
                    }
                    GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                    long after = 0;
                    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                        MemoryUsage usage = info.getMemoryUsageAfterGc().get(pool.getName());
                        if (pool.getType() == MemoryType.HEAP && usage != null) {
                            after += usage.getUsed();
                        }
                    }
                    peakAfterGc.accumulateAndGet(after, Math::max);
                }, null, null);
            }
        }

        void reset() {
            peakUsed.set(heapUsed());
            peakAfterGc.set(0);
        }

        @Override
        public void run() {
            while (true) {
                peakUsed.accumulateAndGet(heapUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Keeps a job and its counts, never its rows. */
    private static final class CountingImportStore implements ImportJobStore {
        private final Map<ImportJobId, ImportJob> jobs = new ConcurrentHashMap<>();
        private final Map<ImportJobId, long[]> counts = new ConcurrentHashMap<>();

        @Override
        public void create(ImportJob job) {
            jobs.put(job.id(), job);
            counts.put(job.id(), new long[2]);
        }

        @Override
        public Set<OpenId> alreadyStaged(ImportJobId jobId, Set<OpenId> openIds) {
            return Set.of();
        }

        @Override
        public void stage(ImportJobId jobId, List<ImportRow> rows) {
            long[] c = counts.get(jobId);
            synchronized (c) {
                for (ImportRow row : rows) {
                    c[row.status() == ImportRow.Status.FAILED ? 1 : 0]++;
                }
            }
        }

        @Override
        public void staged(ImportJobId jobId, long linesRead, long duplicatesInFile, Instant now) {
            jobs.computeIfPresent(jobId, (id, job) -> job.stagedWith(linesRead, duplicatesInFile));
        }

        @Override
        public Option<ImportJob> find(TenantId tenantId, ImportJobId jobId) {
            return Option.of(jobs.get(jobId)).filter(job -> job.tenantId().equals(tenantId));
        }

        @Override
        public List<ImportJob> running() {
            return List.of();
        }

        @Override
        public List<ImportJob> ofCard(io.wxcard.domain.tenant.TenantId tenantId, io.wxcard.domain.card.CardId cardId) {
            return List.of();
        }

        @Override
        public List<ImportJob> recent(io.wxcard.domain.tenant.TenantId tenantId, int limit) {
            return List.of();
        }

        @Override
        public boolean tryLease(ImportJobId jobId, String owner, Instant now, Duration leaseFor) {
            return false;
        }

        @Override
        public List<ImportRow> due(ImportJobId jobId, long afterLine, int limit, Instant now) {
            return List.of();
        }

        @Override
        public void imported(ImportJobId jobId, long lineNumber, Code code, Instant now) {}

        @Override
        public void skipped(ImportJobId jobId, long lineNumber, String reason, Instant now) {}

        @Override
        public void failed(ImportJobId jobId, long lineNumber, String reason, Instant now) {}

        @Override
        public void retryLater(ImportJobId jobId, long lineNumber, Instant notBefore, String reason) {}

        @Override
        public Option<Instant> nextDue(ImportJobId jobId) {
            return Option.none();
        }

        @Override
        public void completed(ImportJobId jobId, Instant now) {}

        @Override
        public void startedSending(ImportJobId jobId, Instant now) {}

        @Override
        public ImportJob.Counts counts(ImportJobId jobId) {
            long[] c = counts.get(jobId);
            synchronized (c) {
                return new ImportJob.Counts(c[0] + c[1], c[0], 0, 0, c[1], 0);
            }
        }

        @Override
        public Page<ImportRow> failures(ImportJobId jobId, PageRequest page) {
            return new Page<>(List.of(), counts.get(jobId)[1], page);
        }
    }
}
