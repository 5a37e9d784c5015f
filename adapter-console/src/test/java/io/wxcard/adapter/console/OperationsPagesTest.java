package io.wxcard.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.membership.Membership;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operations page: the outbox's backlog, and a dead call to WeChat sent again, only by its own tenant's admin. */
class OperationsPagesTest {

    private static ConsoleWorld world;
    private static Card card;
    private static Membership alice;

    @BeforeAll
    static void start() {
        world = new ConsoleWorld();
        card = world.approvedCard(world.tenant);
        alice = world.received(card, "o_ops_alice");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    /** A call to WeChat that failed for good, as the dispatcher leaves one. */
    private static String deadLetter(String id) {
        OutboxStore outbox = world.whole.stores.outbox();
        outbox.enqueue(id, new OutboxTask.SyncMemberTotals(world.tenant, card.id(), alice.code(), 0),
                world.whole.clock.now());
        outbox.claim("test", 100, world.whole.clock.now(), Duration.ofMinutes(1)).forEach(claimed -> {
            if (!claimed.id().equals(id)) {
                outbox.completed(claimed.id(), "test");
            }
        });
        assertThat(outbox.deadLetter(id, "test", "WeChat answered 40056 (invalid code)")).isTrue();
        return id;
    }

    @Test
    void an_admin_sees_the_backlog_and_sends_a_dead_letter_again_and_the_audit_log_says_so() {
        String id = deadLetter("dead-1");
        ConsoleClient admin = world.signedIn("admin");

        String page = admin.get("/console/operations").body();
        assertThat(page).contains("id=\"dead-letters\"", "data-id=\"dead-1\"", "sync_member_totals",
                "40056", "id=\"outbox-dead\">1<", "id=\"no-dead-deliveries\"");

        HttpResponse<String> retried = admin.post("/console/operations/dead-letters/" + id + "/retry",
                Map.of("_csrf", admin.csrf()));
        assertThat(retried.statusCode()).isEqualTo(303);
        assertThat(admin.get(retried.headers().firstValue("Location").orElseThrow()).body())
                .contains("id=\"operations-notice\"", "id=\"no-dead-letters\"");
        assertThat(world.whole.stores.outbox().deadLetters(PageRequest.first(10)).items()).isEmpty();
        assertThat(world.whole.stores.auditLog().recent(world.tenant, PageRequest.first(5)).items().get(0))
                .satisfies(entry -> assertThat(entry.action() + " " + entry.subject()).isEqualTo("outbox.retry dead-1"));
    }

    @Test
    void another_tenants_admin_neither_sees_nor_retries_a_dead_letter_and_an_operator_may_not_open_the_page() {
        String id = deadLetter("dead-2");
        ConsoleClient other = world.otherTenantsAdmin();

        assertThat(other.get("/console/operations").body()).doesNotContain("dead-2");
        HttpResponse<String> refused = other.post("/console/operations/dead-letters/" + id + "/retry",
                Map.of("_csrf", other.csrf()));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(world.whole.stores.outbox().deadLetters(PageRequest.first(10)).items())
                .extracting(letter -> letter.id()).contains("dead-2");
        assertThat(world.signedIn("operator").get("/console/operations").statusCode()).isEqualTo(403);
        world.app.manageDeadLetters().retry(id); // leaves the outbox as the other test expects it
    }
}
