package io.wxcard.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.AuditEntry;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.Membership;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Finding a member by phone, and changing points: one audit entry per change, refusals in the operator's words. */
class MemberPagesTest {

    private static ConsoleWorld world;
    private static Card card;
    private static Membership alice;

    @BeforeAll
    static void start() {
        world = new ConsoleWorld();
        card = world.approvedCard(world.tenant);
        alice = world.received(card, "o_members_alice");
        world.whole.stores.profiles().save(MemberProfile.fromWechat(alice.key(), alice.openId(), Option.none(),
                Option.none(), Map.of(MemberProfile.MOBILE_FIELD, "13800138000"), world.whole.clock.now()));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static String memberUrl() {
        return "/console/members/" + card.id().value() + "/" + alice.code().value();
    }

    private static List<String> ledgerEntries() {
        return world.whole.stores.auditLog().recent(world.tenant, PageRequest.first(100)).items().stream()
                .filter(e -> e.action().equals("ledger.change")).map(AuditEntry::after).toList();
    }

    @Test
    void a_member_is_found_by_phone_as_typed_at_the_till_and_shown_with_the_phone_masked() {
        String found = world.signedIn("viewer").get("/console/members?q=%2B86+138+0013+8000").body();

        assertThat(found).contains(alice.code().value(), "138****8000").doesNotContain("13800138000");
        assertThat(world.otherTenantsAdmin().get("/console/members?q=13800138000").body())
                .contains("id=\"no-members\"").doesNotContain(alice.code().value());
    }

    @Test
    void a_change_sent_twice_with_one_key_applies_once_with_one_audit_entry_and_a_refused_one_leaves_none() {
        ConsoleClient operator = world.signedIn("operator");
        String page = operator.get(memberUrl()).body();
        String key = page.replaceAll("(?s).*name=\"idempotency_key\" value=\"([^\"]+)\".*", "$1");
        Map<String, String> form = Map.of("_csrf", ConsoleClient.csrfOf(page), "idempotency_key", key,
                "asset", "POINTS", "delta", "40", "reason", "birthday");
        int before = ledgerEntries().size();

        assertThat(operator.post(memberUrl() + "/ledger", form).statusCode()).isEqualTo(303);
        assertThat(operator.post(memberUrl() + "/ledger", form).statusCode()).isEqualTo(303);

        assertThat(world.whole.stores.memberships().find(alice.key()).get().totals().points().value()).isEqualTo(40);
        assertThat(ledgerEntries()).hasSize(before + 1);

        HttpResponse<String> refused = operator.post(memberUrl() + "/ledger", Map.of("_csrf", operator.csrf(),
                "idempotency_key", "console-too-much", "asset", "POINTS", "delta", "-1000", "reason", "oops"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("积分不足").doesNotContain("negative");
        assertThat(ledgerEntries()).hasSize(before + 1);
        operator.language("en");
        HttpResponse<String> inEnglish = operator.post(memberUrl() + "/ledger", Map.of("_csrf", operator.csrf(),
                "idempotency_key", "console-too-much-2", "asset", "POINTS", "delta", "-1000", "reason", "oops"));
        assertThat(inEnglish.body()).contains("Not enough points");
    }
}
