package io.wxcard.adapter.persistence;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The import store beyond its contract: staging across and within batches, the counters kept with every change (and
 * under concurrent settling), the lease under contention, and what is refused or cut to fit.
 */
abstract class ImportBehaviour extends Behaviour {

    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card1");
    private ImportJobStore imports;

    @BeforeEach
    void createTenantAndCard() {
        stores().tenants().save(Fixtures.tenant(tenant));
        stores().cards().save(Fixtures.draftCard(tenant, card));
        imports = stores().imports();
    }

    private ImportJobId newJob(String id) {
        ImportJobId job = new ImportJobId(id);
        imports.create(ImportJob.started(job, tenant, card, T0));
        return job;
    }

    private static ImportRow pending(ImportJobId job, long line, String openId) {
        return ImportRow.pending(job, line, new OpenId(openId), Option.none(), Option.none(), Option.none(),
                Option.none(), Option.none(), "imp-" + openId, T0);
    }

    /** As a store may hold an unreadable line: with its text kept as the openid. */
    private static ImportRow unreadable(ImportJobId job, long line, String text, String reason) {
        return new ImportRow(job, line, text, Option.none(), Option.none(), Option.none(), Option.none(),
                Option.none(), "", ImportRow.Status.FAILED, 0, T0, Option.of(reason), Option.none());
    }

    /** Lines from..to, openid o{line}. */
    private static List<ImportRow> lines(ImportJobId job, long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(line -> pending(job, line, "o" + line)).toList();
    }

    /** The counts as the rows themselves have them, read past the store. */
    private ImportJob.Counts countedFromTheRows(ImportJobId job) throws SQLException {
        long staged = 0;
        long[] byStatus = new long[ImportRow.Status.values().length];
        long retrying = 0;
        try (Connection connection = database().connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT status, attempts FROM import_rows WHERE job_id = ?")) {
            select.setString(1, job.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ImportRow.Status status = ImportRow.Status.valueOf(rows.getString("status"));
                    staged++;
                    byStatus[status.ordinal()]++;
                    if (status == ImportRow.Status.PENDING && rows.getInt("attempts") > 0) {
                        retrying++;
                    }
                }
            }
        }
        return new ImportJob.Counts(staged, byStatus[ImportRow.Status.PENDING.ordinal()],
                byStatus[ImportRow.Status.IMPORTED.ordinal()], byStatus[ImportRow.Status.SKIPPED.ordinal()],
                byStatus[ImportRow.Status.FAILED.ordinal()], retrying);
    }

    @Test
    void stages_more_than_a_batch_in_one_call_and_finds_the_openids_it_holds_across_calls() throws Exception {
        ImportJobId job = newJob("imp_big");
        List<ImportRow> first = new ArrayList<>(lines(job, 1, 1_200));
        first.set(1_149, unreadable(job, 1_150, "", "line 1150: no openid"));
        imports.stage(job, first);
        List<ImportRow> second = new ArrayList<>(lines(job, 1_201, 1_300));
        second.set(3, unreadable(job, 1_204, "", "line 1204: no openid"));
        second.set(4, unreadable(job, 1_205, "", "line 1205: no openid")); // failed rows are never duplicates
        imports.stage(job, second);

        assertThat(imports.alreadyStaged(job, Set.of(new OpenId("o7"), new OpenId("o1100"), new OpenId("o1150"),
                new OpenId("o1299"), new OpenId("oNew")))).containsExactlyInAnyOrder(new OpenId("o7"),
                new OpenId("o1100"), new OpenId("o1299"));
        assertThat(imports.counts(job)).isEqualTo(new ImportJob.Counts(1_300, 1_297, 0, 0, 3, 0))
                .isEqualTo(countedFromTheRows(job));
        assertThat(imports.due(job, 1_149, 2, T0)).extracting(ImportRow::lineNumber).containsExactly(1_151L, 1_152L);
        assertThat(imports.due(job, 1_202, 3, T0)).extracting(ImportRow::lineNumber)
                .containsExactly(1_203L, 1_206L, 1_207L);
    }

    @Test
    void refuses_an_openid_the_job_holds_and_stores_nothing_of_the_call() throws Exception {
        ImportJobId job = newJob("imp_twice");
        imports.stage(job, lines(job, 1, 3));

        assertThatThrownBy(() -> imports.stage(job, List.of(pending(job, 4, "oNew"), pending(job, 5, "o2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("staged already");
        assertThatThrownBy(() -> imports.stage(job, List.of(pending(job, 4, "oNew"), pending(job, 5, "oNew"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");

        assertThat(imports.counts(job)).isEqualTo(new ImportJob.Counts(3, 3, 0, 0, 0, 0))
                .isEqualTo(countedFromTheRows(job));
    }

    @Test
    void stages_an_openid_once_per_job_but_again_in_another_job() {
        ImportJobId one = newJob("imp_one");
        ImportJobId other = newJob("imp_other");

        imports.stage(one, List.of(pending(one, 1, "oAlice")));
        assertThat(imports.alreadyStaged(other, Set.of(new OpenId("oAlice")))).isEmpty();
        imports.stage(other, List.of(pending(other, 1, "oAlice")));

        assertThat(imports.due(other, 0, 10, T0)).extracting(ImportRow::openId).containsExactly("oAlice");
    }

    @Test
    void keeps_the_counters_equal_to_the_rows_through_every_kind_of_change() throws Exception {
        ImportJobId job = newJob("imp_mixed");
        imports.stage(job, lines(job, 1, 10));
        imports.staged(job, 10, 0, T0);

        imports.imported(job, 1, new Code("c1"), T0);
        imports.skipped(job, 2, "holds it", T0);
        imports.failed(job, 3, "refused", T0);
        imports.retryLater(job, 4, T0.plusSeconds(10), "busy");
        imports.retryLater(job, 4, T0.plusSeconds(20), "busy again");   // still one row retrying
        imports.retryLater(job, 5, T0.plusSeconds(10), "busy");
        imports.imported(job, 5, new Code("c5"), T0.plusSeconds(10));     // retried, then imported
        imports.failed(job, 1, "changed its mind", T0);                   // a settled row settled again
        imports.retryLater(job, 2, T0.plusSeconds(5), "odd");             // a settled row is not retrying

        assertThat(imports.counts(job)).isEqualTo(new ImportJob.Counts(10, 6, 1, 1, 2, 1))
                .isEqualTo(countedFromTheRows(job));
        assertThat(imports.nextDue(job)).contains(T0);
        assertThat(imports.due(job, 0, 10, T0)).extracting(ImportRow::lineNumber)
                .containsExactly(6L, 7L, 8L, 9L, 10L);
        ImportRow retrying = imports.due(job, 0, 1, T0.plusSeconds(20)).get(0);
        assertThat(retrying.lineNumber()).isEqualTo(4);
        assertThat(retrying.attempts()).isEqualTo(2);
        assertThat(retrying.detail()).contains("busy again");
    }

    @Test
    void counts_every_settlement_when_many_threads_settle_rows_of_one_job_at_once() throws Exception {
        ImportJobId job = newJob("imp_busy");
        int threads = 8;
        int perThread = 25;
        imports.stage(job, lines(job, 1, threads * perThread));
        imports.staged(job, threads * perThread, 0, T0);
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> settling = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                settling.add(pool.submit((Callable<Void>) () -> {
                    start.await(30, TimeUnit.SECONDS);
                    for (int i = 0; i < perThread; i++) {
                        long line = thread * perThread + i + 1L;
                        switch ((int) (line % 4)) {
                            case 0 -> imports.imported(job, line, new Code("c" + line), T0);
                            case 1 -> imports.skipped(job, line, "holds it", T0);
                            case 2 -> imports.failed(job, line, "refused", T0);
                            default -> imports.retryLater(job, line, T0.plusSeconds(60), "busy");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> settled : settling) {
                settled.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(imports.counts(job)).isEqualTo(new ImportJob.Counts(200, 50, 50, 50, 50, 50))
                .isEqualTo(countedFromTheRows(job));
    }

    @Test
    void gives_a_free_lease_to_exactly_one_of_many_who_ask_at_once() throws Exception {
        ImportJobId job = newJob("imp_leased");
        imports.staged(job, 0, 0, T0);
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> asks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String owner = "instance-" + t;
                asks.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return imports.tryLease(job, owner, T0, Duration.ofSeconds(30));
                }));
            }
            int won = 0;
            for (Future<Boolean> ask : asks) {
                won += ask.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(imports.tryLease(new ImportJobId("imp_unknown"), "instance-0", T0, Duration.ofSeconds(30))).isFalse();
    }

    @Test
    void pages_through_failures_in_line_order_past_any_number_of_other_rows() {
        ImportJobId job = newJob("imp_failures");
        List<ImportRow> rows = new ArrayList<>(lines(job, 1, 300));
        for (int line = 10; line <= 300; line += 10) {
            rows.set(line - 1, unreadable(job, line, "bad " + line, "line " + line + ": unreadable"));
        }
        imports.stage(job, rows);
        imports.failed(job, 5, "refused", T0);

        Page<ImportRow> second = imports.failures(job, new PageRequest(10, 10));

        assertThat(second.total()).isEqualTo(31);
        assertThat(second.items()).extracting(ImportRow::lineNumber)
                .containsExactly(100L, 110L, 120L, 130L, 140L, 150L, 160L, 170L, 180L, 190L);
        assertThat(second.items().get(0).openId()).isEqualTo("bad 100");
    }

    @Test
    void cuts_texts_for_people_to_their_columns() {
        ImportJobId job = newJob("imp_long");
        String longText = "x".repeat(5_000);
        imports.stage(job, List.of(unreadable(job, 1, longText, longText), pending(job, 2, "oA")));
        imports.skipped(job, 2, "y".repeat(5_000), T0);

        ImportRow failed = imports.failures(job, PageRequest.first(1)).items().get(0);
        assertThat(failed.openId()).hasSize(256).endsWith("…");
        assertThat(failed.detail().get()).hasSize(2_000).endsWith("…");
    }

    @Test
    void refuses_what_cannot_be_staged_and_stores_nothing_of_the_call() {
        ImportJobId job = newJob("imp_refused");
        imports.stage(job, lines(job, 1, 3));

        assertThatThrownBy(() -> imports.stage(job, List.of(pending(job, 4, "oNew"), pending(job, 3, "oAgain"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3");
        // A phone too long, or a row that is not fresh, cannot even be made any more: the domain refuses them.
        assertThatThrownBy(() -> new Phone("1".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone");
        assertThatThrownBy(() -> imports.stage(new ImportJobId("imp_unknown"), lines(new ImportJobId("imp_unknown"), 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no import imp_unknown");

        assertThat(imports.counts(job).staged()).isEqualTo(3);
        assertThat(imports.due(job, 0, 10, T0)).extracting(ImportRow::lineNumber).containsExactly(1L, 2L, 3L);
    }

    @Test
    void refuses_a_second_job_with_the_same_id_and_changes_to_what_does_not_exist() {
        ImportJobId job = newJob("imp_once");

        assertThatThrownBy(() -> newJob(job.value())).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> imports.imported(job, 99, new Code("c99"), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no line 99");
        assertThatThrownBy(() -> imports.completed(new ImportJobId("imp_unknown"), T0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(imports.counts(new ImportJobId("imp_unknown"))).isEqualTo(new ImportJob.Counts(0, 0, 0, 0, 0, 0));
        assertThat(imports.nextDue(job)).isEmpty();
    }

    @Test
    void rolls_staged_rows_and_their_counts_back_with_the_transaction() {
        ImportJobId job = newJob("imp_rolled_back");

        assertThatThrownBy(() -> stores().transactions().inTransaction(() -> {
            imports.stage(job, lines(job, 1, 5));
            throw new IllegalStateException("the input broke off");
        })).hasMessage("the input broke off");

        assertThat(imports.counts(job)).isEqualTo(new ImportJob.Counts(0, 0, 0, 0, 0, 0));
        imports.stage(job, lines(job, 1, 5));
        assertThat(imports.counts(job)).isEqualTo(new ImportJob.Counts(5, 5, 0, 0, 0, 0));
    }
}
