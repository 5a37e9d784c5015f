package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.ApplyLedgerBatchCommand;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.BatchLine;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.LedgerLine;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.Member;
import io.wxcard.application.port.out.store.LedgerBatchStore.LineFailure;
import io.wxcard.application.port.out.store.MemberLookup;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerAmount;
import io.wxcard.domain.ledger.LedgerBatch;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LedgerBatchServiceTest {

    private final Harness h = new Harness();
    private final Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
    private final Membership alice = h.received(card, "oAlice");
    private final Membership bob = h.received(card, "oBob");
    private final ApplyLedgerBatchUseCase batches = h.app.applyLedgerBatch();

    private static BatchLine line(long number, Member member, Option<LedgerAmount> points,
                                  Option<LedgerAmount> balance, String key) {
        return new BatchLine(number, Either.right(new LedgerLine(member, points, balance, "nightly sync",
                new IdempotencyKey(key), false)));
    }

    private static BatchLine points(long number, Code code, long delta, String key) {
        return line(number, new Member.ByCode(code), Option.of(new LedgerAmount.By(delta)), Option.none(), key);
    }

    private LedgerBatch apply(List<BatchLine> lines) {
        return ok(batches.apply(new ApplyLedgerBatchCommand(h.tenant, card.id(), lines.iterator())));
    }

    private long points(Membership membership) {
        return h.stores.memberships().find(membership.key()).get().totals().points().value();
    }

    private List<LineFailure> failures(LedgerBatch batch) {
        return ok(batches.failures(h.tenant, batch.id(), PageRequest.first(50))).items();
    }

    @Test
    void applies_each_line_once_however_often_the_batch_is_sent_and_wechat_gets_the_totals() {
        List<BatchLine> lines = List.of(points(2, alice.code(), 100, "erp-1"), points(3, bob.code(), 40, "erp-2"),
                points(4, alice.code(), -30, "erp-3"));

        LedgerBatch first = apply(lines);
        LedgerBatch again = apply(lines);

        assertThat(first.status()).isEqualTo(LedgerBatch.Status.COMPLETED);
        assertThat(first.counts()).isEqualTo(new LedgerBatch.Counts(3, 0, 0, 0));
        assertThat(again.counts()).isEqualTo(new LedgerBatch.Counts(0, 3, 0, 0));
        assertThat(points(alice)).isEqualTo(70);
        assertThat(points(bob)).isEqualTo(40);
        h.drainOutbox();
        assertThat(h.wechat.member(card.wechatCardId().get(), alice.code()).get().bonus).isEqualTo(70);
        assertThat(h.wechat.member(card.wechatCardId().get(), bob.code()).get().bonus).isEqualTo(40);
    }

    @Test
    void a_line_that_cannot_be_applied_fails_alone_with_its_reason_and_nothing_of_it_is_recorded() {
        LedgerBatch batch = apply(List.of(
                points(2, alice.code(), 10, "ok-1"),
                line(3, new Member.ByCode(alice.code()), Option.of(new LedgerAmount.By(5)),
                        Option.of(new LedgerAmount.By(-100)), "both"),
                new BatchLine(4, Either.left("points: must be a whole number, got ten")),
                points(5, new Code("999999999"), 10, "nobody"),
                points(6, alice.code(), 10, "ok-1"),
                points(7, alice.code(), 99, "ok-1")));

        assertThat(batch.counts()).isEqualTo(new LedgerBatch.Counts(1, 1, 0, 4));
        assertThat(points(alice)).isEqualTo(10); // the 5 points of line 3 went with its refused balance
        List<LineFailure> failures = failures(batch);
        assertThat(failures).extracting(LineFailure::lineNumber).containsExactly(3L, 4L, 5L, 7L);
        assertThat(failures.get(0).reason()).startsWith("balance: ").contains("negative");
        assertThat(failures.get(1).reason()).isEqualTo("points: must be a whole number, got ten");
        assertThat(failures.get(2).reason()).startsWith("code: ").contains("999999999");
        assertThat(failures.get(3).reason()).startsWith("points: ").contains("ok-1", "already used");
    }

    @Test
    void a_target_records_the_difference_and_is_a_replay_when_sent_again_even_after_later_changes() {
        BatchLine toTarget = line(2, new Member.ByCode(alice.code()), Option.of(new LedgerAmount.To(500)),
                Option.of(new LedgerAmount.To(1_000)), "crm-target-1");
        LedgerBatch first = apply(List.of(points(1, alice.code(), 120, "before"), toTarget));
        apply(List.of(points(1, alice.code(), 7, "later")));
        LedgerBatch again = apply(List.of(toTarget,
                line(3, new Member.ByCode(bob.code()), Option.of(new LedgerAmount.To(0)), Option.none(), "at-zero")));

        assertThat(first.counts()).isEqualTo(new LedgerBatch.Counts(2, 0, 0, 0));
        assertThat(again.counts()).isEqualTo(new LedgerBatch.Counts(0, 1, 1, 0));
        Membership after = h.stores.memberships().find(alice.key()).get();
        assertThat(after.totals().points()).isEqualTo(Points.of(507));
        assertThat(after.totals().balance()).isEqualTo(Fen.of(1_000));
        assertThat(h.stores.ledger().findByKey(alice.key(), new IdempotencyKey("crm-target-1/points")).get().delta())
                .isEqualTo(380);
    }

    @Test
    void finds_members_by_phone_in_either_form_and_never_repeats_a_phone_in_a_reason() {
        h.stores.profiles().save(MemberProfile.fromWechat(alice.key(), alice.openId(), Option.none(), Option.none(),
                Map.of(MemberProfile.MOBILE_FIELD, "13812345678"), Fixtures.T0));
        h.stores.profiles().save(MemberProfile.fromWechat(bob.key(), bob.openId(), Option.none(), Option.none(),
                Map.of(MemberProfile.MOBILE_FIELD, "+86 139 0000 1111"), Fixtures.T0));
        Member alicePhone = new Member.ByLookup(new MemberLookup.ByPhone(Phone.parse("+86 138-1234-5678").get()));
        Member bobPhone = new Member.ByLookup(new MemberLookup.ByPhone(Phone.parse("13900001111").get()));
        Member nobody = new Member.ByLookup(new MemberLookup.ByPhone(Phone.parse("13700009999").get()));

        LedgerBatch batch = apply(List.of(
                line(2, alicePhone, Option.of(new LedgerAmount.By(5)), Option.none(), "p-1"),
                line(3, bobPhone, Option.of(new LedgerAmount.By(6)), Option.none(), "p-2"),
                line(4, nobody, Option.of(new LedgerAmount.By(7)), Option.none(), "p-3")));

        assertThat(batch.counts()).isEqualTo(new LedgerBatch.Counts(2, 0, 0, 1));
        assertThat(points(alice)).isEqualTo(5);
        assertThat(points(bob)).isEqualTo(6);
        assertThat(failures(batch).get(0).reason()).startsWith("phone: no membership").doesNotContain("1370000");
    }

    @Test
    void commits_a_chunk_at_a_time_so_progress_shows_while_it_runs_and_a_batch_that_breaks_off_resumes_when_resent() {
        int lines = LedgerBatchService.CHUNK_LINES * 2 + 100;
        List<BatchLine> all = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            all.add(points(i + 2, i % 2 == 0 ? alice.code() : bob.code(), 1, "n-" + i));
        }
        List<LedgerBatch> seen = new ArrayList<>();
        Iterator<BatchLine> breaksOff = reading(all, LedgerBatchService.CHUNK_LINES + 10, read -> {
            seen.add(ok(batches.batches(h.tenant, card.id(), PageRequest.first(1))).items().get(0));
            throw new IllegalStateException("the upload broke off");
        });

        assertThatThrownBy(() -> batches.apply(new ApplyLedgerBatchCommand(h.tenant, card.id(),
                breaksOff))).hasMessageContaining("broke off");

        assertThat(seen.get(0).status()).isEqualTo(LedgerBatch.Status.RUNNING);
        assertThat(seen.get(0).counts().applied()).isEqualTo(LedgerBatchService.CHUNK_LINES);
        LedgerBatch interrupted = ok(batches.batch(h.tenant, seen.get(0).id()));
        assertThat(interrupted.status()).isEqualTo(LedgerBatch.Status.INTERRUPTED);
        assertThat(interrupted.counts().applied()).isEqualTo(LedgerBatchService.CHUNK_LINES);
        assertThat(points(alice) + points(bob)).isEqualTo(LedgerBatchService.CHUNK_LINES);

        LedgerBatch resent = apply(all);
        assertThat(resent.counts()).isEqualTo(new LedgerBatch.Counts(lines - LedgerBatchService.CHUNK_LINES,
                LedgerBatchService.CHUNK_LINES, 0, 0));
        assertThat(points(alice) + points(bob)).isEqualTo(lines);
    }

    @Test
    void a_batch_for_a_card_of_another_tenant_is_not_found_and_stores_nothing() {
        TenantId other = Fixtures.uniqueTenantId();
        h.stores.tenants().save(Fixtures.tenant(other));
        Card theirs = h.approved(other, Fixtures.definition());

        assertThat(batches.apply(new ApplyLedgerBatchCommand(h.tenant, theirs.id(),
                List.of(points(2, alice.code(), 1, "x")).iterator())).isLeft()).isTrue();
        assertThat(ok(batches.batches(h.tenant, card.id(), PageRequest.first(10))).items()).isEmpty();
    }

    /** The lines, calling {@code at} (which may throw) before line index {@code index} is handed out. */
    private static Iterator<BatchLine> reading(List<BatchLine> lines, int index, Consumer<Integer> at) {
        Iterator<BatchLine> inner = lines.iterator();
        return new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public BatchLine next() {
                if (read == index) {
                    at.accept(read);
                }
                read++;
                return inner.next();
            }
        };
    }
}
