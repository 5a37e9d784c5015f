package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ImportJobStore} must do. */
public abstract class ImportJobStoreContract {

    protected abstract StoreSet stores();

    private ImportJobStore imports;
    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card1");
    private final ImportJobId job = new ImportJobId("imp_" + UUID.randomUUID().toString().substring(0, 8));

    @BeforeEach
    void setUpStore() {
        imports = stores().imports();
        stores().tenants().save(Fixtures.tenant(tenant));
        stores().cards().save(Fixtures.draftCard(tenant, card));
        imports.create(ImportJob.started(job, tenant, card, T0));
    }

    private static ImportRow pending(ImportJobId job, long line, String openId) {
        return ImportRow.pending(job, line, new OpenId(openId), Option.none(), Option.none(), Option.none(),
                Option.none(), Option.none(), "imp-" + openId, T0);
    }

    private static ImportRow unreadable(ImportJobId job, long line) {
        return ImportRow.unreadable(job, line, "no openid", T0);
    }

    @Test
    void lists_the_imports_of_one_card_oldest_first_and_none_of_another_card_or_tenant() {
        ImportJobId later = new ImportJobId("imp_" + UUID.randomUUID().toString().substring(0, 8));
        imports.create(ImportJob.started(later, tenant, card, T0.plusSeconds(5)));
        CardId other = new CardId("card2");
        stores().cards().save(Fixtures.draftCard(tenant, other));
        imports.create(ImportJob.started(new ImportJobId("imp_" + UUID.randomUUID().toString().substring(0, 8)),
                tenant, other, T0));

        assertThat(imports.ofCard(tenant, card)).extracting(ImportJob::id).containsExactly(job, later);
        assertThat(imports.ofCard(Fixtures.uniqueTenantId(), card)).isEmpty();
    }

    @Test
    void lists_the_tenants_latest_imports_on_every_card_newest_first_up_to_the_limit_and_none_of_another_tenant() {
        CardId other = new CardId("card2");
        stores().cards().save(Fixtures.draftCard(tenant, other));
        ImportJobId second = new ImportJobId("imp_" + UUID.randomUUID().toString().substring(0, 8));
        ImportJobId third = new ImportJobId("imp_" + UUID.randomUUID().toString().substring(0, 8));
        imports.create(ImportJob.started(second, tenant, other, T0.plusSeconds(5)));
        imports.create(ImportJob.started(third, tenant, card, T0.plusSeconds(9)));

        assertThat(imports.recent(tenant, 10)).extracting(ImportJob::id).containsExactly(third, second, job);
        assertThat(imports.recent(tenant, 2)).extracting(ImportJob::id).containsExactly(third, second);
        assertThat(imports.recent(Fixtures.uniqueTenantId(), 10)).isEmpty();
    }

    @Test
    void keeps_a_job_and_every_field_of_its_rows() {
        ImportRow full = ImportRow.pending(job, 1, new OpenId("oAlice"), Option.of(new Code("100001")),
                Option.of(new Phone("13800000000")), Option.of(new MembershipNumber("VIP-1")),
                Option.of(Points.of(120)), Option.of(Fen.of(5_000)), "imp-0123456789abcdef", T0);
        imports.stage(job, List.of(full));
        imports.staged(job, 1, 0, T0.plusSeconds(1));

        assertThat(imports.find(tenant, job).get().status()).isEqualTo(ImportJob.Status.RUNNING);
        assertThat(imports.find(tenant, job).get().linesRead()).isEqualTo(1);
        assertThat(imports.due(job, 0, 10, T0)).containsExactly(full);
        assertThat(imports.find(Fixtures.uniqueTenantId(), job)).isEmpty();
    }

    @Test
    void tells_which_openids_a_job_staged_already_and_refuses_to_stage_one_twice() {
        imports.stage(job, List.of(pending(job, 1, "oA"), pending(job, 2, "oB"), unreadable(job, 3)));

        assertThat(imports.alreadyStaged(job, Set.of(new OpenId("oA"), new OpenId("oC"))))
                .containsExactly(new OpenId("oA"));
        assertThatThrownBy(() -> imports.stage(job, List.of(pending(job, 4, "oC"), pending(job, 5, "oB"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("staged already");
        assertThatThrownBy(() -> imports.stage(job, List.of(pending(job, 2, "oD"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        assertThat(imports.due(job, 0, 10, T0)).extracting(ImportRow::lineNumber).containsExactly(1L, 2L);
        assertThat(imports.counts(job).staged()).isEqualTo(3);
    }

    @Test
    void keeps_openids_of_one_job_apart_from_another() {
        ImportJobId other = new ImportJobId(job.value() + "_other");
        imports.create(ImportJob.started(other, tenant, card, T0));
        imports.stage(job, List.of(pending(job, 1, "oAlice")));

        assertThat(imports.alreadyStaged(other, Set.of(new OpenId("oAlice")))).isEmpty();
        imports.stage(other, List.of(pending(other, 1, "oAlice")));
        assertThat(imports.due(other, 0, 10, T0)).extracting(ImportRow::openId).containsExactly("oAlice");
    }

    @Test
    void keeps_every_unreadable_line_as_a_failure() {
        imports.stage(job, List.of(unreadable(job, 1), unreadable(job, 2), pending(job, 3, "oA")));

        assertThat(imports.failures(job, PageRequest.first(10)).items()).extracting(ImportRow::lineNumber).containsExactly(1L, 2L);
        assertThat(imports.counts(job)).isEqualTo(new ImportJob.Counts(3, 1, 0, 0, 2, 0));
    }

    @Test
    void settles_rows_and_counts_them() {
        imports.stage(job, List.of(pending(job, 1, "oA"), pending(job, 2, "oB"), pending(job, 3, "oC"), pending(job, 4, "oD")));

        imports.imported(job, 1, new Code("100001"), T0);
        imports.skipped(job, 2, "already holds the card", T0);
        imports.failed(job, 3, "403 NO_AUTH", T0);
        imports.retryLater(job, 4, T0.plusSeconds(60), "429 RATE_LIMITED");

        assertThat(imports.counts(job)).isEqualTo(new ImportJob.Counts(4, 1, 1, 1, 1, 1));
        assertThat(imports.due(job, 0, 10, T0)).isEmpty();
        assertThat(imports.nextDue(job)).contains(T0.plusSeconds(60));
        ImportRow retried = imports.due(job, 0, 10, T0.plusSeconds(60)).get(0);
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.detail()).contains("429 RATE_LIMITED");
        assertThat(imports.failures(job, PageRequest.first(10)).items().get(0).detail()).contains("403 NO_AUTH");
    }

    @Test
    void hands_out_due_rows_in_line_order_after_a_cursor() {
        imports.stage(job, List.of(pending(job, 1, "oA"), pending(job, 2, "oB"), pending(job, 3, "oC")));

        assertThat(imports.due(job, 1, 1, T0)).extracting(ImportRow::lineNumber).containsExactly(2L);
        assertThat(imports.due(job, 3, 10, T0)).isEmpty();
    }

    @Test
    void gives_a_jobs_lease_to_one_owner_at_a_time() {
        imports.staged(job, 0, 0, T0);

        assertThat(imports.tryLease(job, "a", T0, Duration.ofSeconds(30))).isTrue();
        assertThat(imports.tryLease(job, "b", T0.plusSeconds(10), Duration.ofSeconds(30))).isFalse();
        assertThat(imports.tryLease(job, "a", T0.plusSeconds(10), Duration.ofSeconds(30))).isTrue();
        assertThat(imports.tryLease(job, "b", T0.plusSeconds(41), Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void lists_running_jobs_until_they_complete() {
        imports.staged(job, 0, 0, T0);
        assertThat(imports.running()).extracting(ImportJob::id).contains(job);

        imports.startedSending(job, T0.plusSeconds(1));
        imports.startedSending(job, T0.plusSeconds(5));
        imports.completed(job, T0.plusSeconds(9));

        ImportJob done = imports.find(tenant, job).get();
        assertThat(imports.running()).extracting(ImportJob::id).doesNotContain(job);
        assertThat(done.status()).isEqualTo(ImportJob.Status.COMPLETED);
        assertThat(done.startedAt()).contains(T0.plusSeconds(1));
        assertThat(done.finishedAt()).contains(T0.plusSeconds(9));
    }
}
