package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportLine;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportProgress;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportRecord;
import io.wxcard.application.port.in.ImportMembersUseCase.StartImportCommand;
import io.wxcard.application.port.in.InvalidateMembershipUseCase.InvalidateMembershipCommand;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.wechat.push.DecodedPush;
import io.wxcard.application.port.out.wechat.push.EventHeader;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.ledger.WechatRange;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.Tenant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Each of WeChat's bounds lives once in the domain ({@link WechatRange}, {@link Reason}, {@link Phone}); these show
 * the paths into the application obeying them: commands (what REST builds), import lines and WeChat's pushes.
 */
class WechatRulesTest {

    private final Harness h = new Harness();
    private final Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
    private final Membership alice = h.received(card, "oAlice");

    private static LedgerChange points(long delta, String key) {
        return LedgerChange.points(Points.of(delta), "purchase", new IdempotencyKey(key), EntrySource.MERCHANT, false);
    }

    private PushRequest totalsChangedOnWechat(String key, long bonus, long balance) {
        WechatEvent event = new WechatEvent.MemberTotalsChanged(new EventHeader("gh_fc0a06a20993", "oAlice",
                1764208278L, "update_member_card"), card.wechatCardId().get(), alice.code(), bonus, balance);
        return h.decoder.willDecode(key, new DecodedPush.Event(event));
    }

    private long entries() {
        return h.stores.ledger().history(alice.key(), PageRequest.first(10)).total();
    }

    // ---- WeChat's 32-bit range for points and stored value --------------------------------------------------------

    @Test
    void a_command_cannot_ask_for_a_change_wechat_could_not_hold() {
        assertThatThrownBy(() -> points(WechatRange.MAX + 1, "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delta").hasMessageContaining("WeChat's range");
        assertThatThrownBy(() -> points(-WechatRange.MAX - 1, "k")).hasMessageContaining("delta");
        assertThat(points(WechatRange.MAX, "k").delta()).isEqualTo(WechatRange.MAX);
    }

    @Test
    void a_change_that_would_take_a_total_past_wechats_range_is_rejected_and_records_nothing() {
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), points(WechatRange.MAX - 10, "big"))));

        Either<Failure, ?> over = h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), points(11, "over")));

        assertThat(over.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class, rejected -> assertThat(
                rejected.rejection().code()).isEqualTo(RejectionCode.POINTS_WOULD_EXCEED_WECHAT_RANGE));
        assertThat(h.stores.memberships().find(alice.key()).get().totals().points()).isEqualTo(Points.of(WechatRange.MAX - 10));
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void a_push_reporting_a_change_outside_wechats_range_records_nothing() {
        h.pushed(totalsChangedOnWechat("huge", WechatRange.MAX + 1, 0));
        h.pushed(totalsChangedOnWechat("huge-balance", 0, -WechatRange.MAX - 1));

        assertThat(entries()).isZero();
        assertThat(h.stores.memberships().find(alice.key()).get().totals().points()).isEqualTo(Points.ZERO);
    }

    @Test
    void a_push_that_would_take_a_total_past_wechats_range_records_nothing() {
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), points(WechatRange.MAX - 10, "big"))));

        h.pushed(totalsChangedOnWechat("over", 11, 0));

        assertThat(entries()).isEqualTo(1);
        assertThat(h.stores.memberships().find(alice.key()).get().totals().points()).isEqualTo(Points.of(WechatRange.MAX - 10));
    }

    @Test
    void an_import_line_cannot_open_a_ledger_wechat_could_not_hold() {
        assertThatThrownBy(() -> new ImportRecord(new OpenId("oBob"), Option.none(), Option.none(), Option.none(),
                Option.of(Points.of(WechatRange.MAX + 1)), Option.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("opening points")
                .hasMessageContaining("WeChat's range");
        assertThatThrownBy(() -> new ImportRecord(new OpenId("oBob"), Option.none(), Option.none(), Option.none(),
                Option.none(), Option.of(Fen.of(-1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("opening balance");
    }

    // ---- the reason's length --------------------------------------------------------------------------------------

    @Test
    void a_reason_has_at_most_255_characters_on_every_command() {
        String tooLong = "r".repeat(Reason.MAX_LENGTH + 1);

        assertThatThrownBy(() -> LedgerChange.points(Points.of(1), tooLong, new IdempotencyKey("k"),
                EntrySource.MERCHANT, false)).hasMessageContaining("reason").hasMessageContaining("255");
        assertThatThrownBy(() -> new InvalidateMembershipCommand(alice.key(), tooLong))
                .hasMessageContaining("reason").hasMessageContaining("255");
        assertThat(new InvalidateMembershipCommand(alice.key(), "r".repeat(Reason.MAX_LENGTH)).reason()).hasSize(255);
    }

    // ---- the phone's length, and de-duplication: the import path ---------------------------------------------------

    @Test
    void an_import_line_holds_a_phone_of_at_most_32_characters() {
        assertThatThrownBy(() -> new Phone("1".repeat(Phone.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone").hasMessageContaining("32");
        assertThat(new ImportRecord(new OpenId("oBob"), Option.none(), Option.of(new Phone("1".repeat(32))),
                Option.none(), Option.none(), Option.none()).phone()).isNotEmpty();
    }

    @Test
    void the_application_counts_an_openid_named_again_in_a_later_batch_as_a_duplicate() {
        Harness h = new Harness(); // one whose tenant can import before anything reads (and remembers) it
        Tenant plain = h.stores.tenants().find(h.tenant).get();
        h.stores.tenants().save(new Tenant(plain.id(), plain.name(), plain.appId(), plain.appSecret(),
                plain.pushToken(), plain.encodingAesKey(), plain.pushMode(),
                Fixtures.tenantWithEverything(h.tenant).merchant(), plain.apiKeyHash(), plain.createdAt()));
        Card importable = h.approved(Fixtures.definitionActivatedBy(ActivationMode.MERCHANT_PAGE));
        int lines = ImportService.STAGING_BATCH + 5;
        List<ImportLine> input = LongStream.rangeClosed(1, lines).mapToObj(line -> new ImportLine(line,
                Either.<String, ImportRecord>right(new ImportRecord(new OpenId(line > ImportService.STAGING_BATCH
                        ? "o" + (line - ImportService.STAGING_BATCH) : "o" + line), Option.none(), Option.none(),
                        Option.none(), Option.none(), Option.none())))).toList();

        ImportProgress progress = ok(h.app.importMembers().start(new StartImportCommand(h.tenant, importable.id(),
                input.iterator())));

        assertThat(progress.job().linesRead()).isEqualTo(lines);
        assertThat(progress.job().duplicatesInFile()).isEqualTo(5);
        assertThat(progress.counts().staged()).isEqualTo(ImportService.STAGING_BATCH);
    }
}
