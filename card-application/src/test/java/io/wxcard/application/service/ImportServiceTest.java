package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportLine;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportProgress;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportRecord;
import io.wxcard.application.port.in.ImportMembersUseCase.StartImportCommand;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.Tenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ImportServiceTest {

    private final Harness h = new Harness();
    private final Card card;

    ImportServiceTest() {
        Tenant plain = h.stores.tenants().find(h.tenant).get();
        h.stores.tenants().save(new Tenant(plain.id(), plain.name(), plain.appId(), plain.appSecret(), plain.pushToken(),
                plain.encodingAesKey(), plain.pushMode(), Fixtures.tenantWithEverything(h.tenant).merchant(),
                plain.apiKeyHash(), plain.createdAt()));
        card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.MERCHANT_PAGE));
    }

    private static ImportLine line(long number, String openId) {
        return new ImportLine(number, Either.right(new ImportRecord(new OpenId(openId), Option.none(), Option.none(),
                Option.none(), Option.none(), Option.none())));
    }

    private ImportProgress start(List<ImportLine> lines) {
        return ok(h.app.importMembers().start(new StartImportCommand(h.tenant, card.id(), lines.iterator())));
    }

    private ImportProgress runToEnd(ImportProgress started) {
        for (int i = 0; i < 50 && h.app.importMembers().progress(h.tenant, started.job().id()).get().job().status()
                != ImportJob.Status.COMPLETED; i++) {
            h.app.runImports().runOneJob();
            h.clock.advance(Duration.ofMinutes(5));
        }
        return ok(h.app.importMembers().progress(h.tenant, started.job().id()));
    }

    @Test
    void imports_each_member_as_an_active_membership_with_its_opening_totals() {
        ImportLine withTotals = new ImportLine(1, Either.right(new ImportRecord(new OpenId("oAlice"), Option.none(),
                Option.none(), Option.none(), Option.of(Points.of(300)), Option.of(Fen.of(12_345)))));

        ImportProgress done = runToEnd(start(List.of(withTotals, line(2, "oBob"))));

        assertThat(done.counts().imported()).isEqualTo(2);
        Membership alice = h.stores.memberships().findByOpenId(h.tenant, card.id(), new OpenId("oAlice")).get();
        assertThat(alice.state()).isEqualTo(MembershipState.ACTIVATED);
        assertThat(alice.totals().points()).isEqualTo(Points.of(300));
        assertThat(alice.totals().balance()).isEqualTo(Fen.of(12_345));
        assertThat(h.stores.cards().find(h.tenant, card.id()).get().state()).isEqualTo(CardState.ISSUED);
        assertThat(h.wechat.member(card.wechatCardId().get(), alice.code()).get().active).isTrue();
    }

    @Test
    void skips_duplicates_in_the_file_and_members_who_already_hold_the_card() {
        h.received(card, "oCarol");

        ImportProgress done = runToEnd(start(List.of(line(1, "oAlice"), line(2, "oAlice"), line(3, "oCarol"))));

        assertThat(done.job().duplicatesInFile()).isEqualTo(1);
        assertThat(done.counts().imported()).isEqualTo(1);
        assertThat(done.counts().skipped()).isEqualTo(1);
        assertThat(h.wechat.importsApplied()).isEqualTo(1);
    }

    @Test
    void a_second_import_of_the_same_members_sends_nothing_twice() {
        runToEnd(start(List.of(line(1, "oAlice"), line(2, "oBob"))));

        ImportProgress again = runToEnd(start(List.of(line(1, "oAlice"), line(2, "oBob"), line(3, "oCarol"))));

        assertThat(again.counts().skipped()).isEqualTo(2);
        assertThat(again.counts().imported()).isEqualTo(1);
        assertThat(h.wechat.importsApplied()).isEqualTo(3);
    }

    @Test
    void records_each_failure_with_its_reason_and_goes_on() {
        h.wechat.refuseImportOf(new OpenId("oStranger"),
                new WechatError(WechatError.Kind.FORBIDDEN, "NO_AUTH", "openid not bound to the brand"));
        h.wechat.refuseImportOf(new OpenId("oBroken"),
                new WechatError(WechatError.Kind.CLIENT_ERROR, "PARAM_ERROR", "invalid openid"));
        ImportLine unreadable = new ImportLine(3, Either.left("openid is missing"));

        ImportProgress done = runToEnd(start(List.of(line(1, "oStranger"), line(2, "oBroken"), unreadable,
                line(4, "oAlice"))));

        assertThat(done.counts().imported()).isEqualTo(1);
        assertThat(done.counts().failed()).isEqualTo(3);
        List<ImportRow> failures = ok(h.app.importMembers().failures(h.tenant, done.job().id(), PageRequest.first(10))).items();
        assertThat(failures).extracting(row -> row.detail().get())
                .anySatisfy(detail -> assertThat(detail).contains("not bound"))
                .anySatisfy(detail -> assertThat(detail).contains("PARAM_ERROR"))
                .anySatisfy(detail -> assertThat(detail).contains("openid is missing"));
    }

    @Test
    void retries_a_busy_wechat_and_imports_the_member_once() {
        h.wechat.failNext(new WechatError(WechatError.Kind.QUOTA, "RATE_LIMITED", "too many requests"));
        h.wechat.failNext(new WechatError(WechatError.Kind.TRANSIENT, "SYSTEM_ERROR", "busy"));

        ImportProgress done = runToEnd(start(List.of(line(1, "oAlice"))));

        assertThat(done.counts().imported()).isEqualTo(1);
        assertThat(h.wechat.importsApplied()).isEqualTo(1);
        assertThat(h.wechat.calls("v3/users/import")).isEqualTo(3);
    }

    @Test
    void a_job_left_by_a_dead_instance_is_taken_up_when_its_lease_runs_out() {
        ImportProgress started = start(LongStream.rangeClosed(1, 30).mapToObj(n -> line(n, "o" + n)).toList());
        assertThat(h.stores.imports().tryLease(started.job().id(), "dead-instance", h.clock.now(), Duration.ofSeconds(30))).isTrue();

        assertThat(h.app.runImports().runOneJob()).as("the job is leased to another instance").isFalse();
        h.clock.advance(Duration.ofSeconds(31));
        ImportProgress done = runToEnd(started);

        assertThat(done.counts().imported()).isEqualTo(30);
        assertThat(h.wechat.importsApplied()).isEqualTo(30);
    }

    @Test
    void refuses_an_import_without_merchant_credentials_or_into_a_card_wechat_has_not_approved() {
        Card underReview = ok(h.app.submitCard().submit(h.tenant, h.draft(Fixtures.definition()).id()));

        var notApproved = h.app.importMembers().start(new StartImportCommand(h.tenant, underReview.id(),
                List.of(line(1, "oAlice")).iterator()));

        assertThat(notApproved.getLeft()).isInstanceOf(Failure.Rejected.class);
        assertThat(notApproved.getLeft().detail()).contains("under review");
    }

    @Test
    void refuses_an_import_for_a_tenant_without_merchant_credentials() throws InterruptedException {
        // Changed in the store directly, as another instance or the command line would: seen once the tenant this
        // instance remembers is older than RecentTenants.FRESH_FOR.
        h.stores.tenants().save(Fixtures.tenant(h.tenant).withApiKeyHash(h.stores.tenants().find(h.tenant).get().apiKeyHash()));
        Thread.sleep(RecentTenants.FRESH_FOR.toMillis() + 100);

        var result = h.app.importMembers().start(new StartImportCommand(h.tenant, card.id(), List.of(line(1, "oAlice")).iterator()));

        assertThat(result.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class, rejected -> assertThat(
                rejected.rejection().code()).isEqualTo(io.wxcard.domain.shared.RejectionCode.TENANT_HAS_NO_MERCHANT_CREDENTIALS));
    }

    @Test
    void reports_progress_with_a_rate_and_no_eta_once_done() {
        List<ImportLine> lines = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            lines.add(line(i, "o" + i));
        }
        ImportProgress started = start(lines);
        assertThat(started.job().status()).isEqualTo(ImportJob.Status.RUNNING);
        assertThat(started.counts().pending()).isEqualTo(10);

        ImportProgress done = runToEnd(started);

        assertThat(done.job().status()).isEqualTo(ImportJob.Status.COMPLETED);
        assertThat(done.eta()).isEmpty();
        assertThat(h.stores.memberships().findByOpenId(h.tenant, card.id(), new OpenId("o10")).map(Membership::code)
                .map(Code::value)).isNotEmpty();
    }
}
