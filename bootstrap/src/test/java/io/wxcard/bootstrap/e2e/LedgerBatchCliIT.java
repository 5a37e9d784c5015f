package io.wxcard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15 item 4 through the packaged jar on its embedded defaults: two members of a one-click card (each submitted
 * the form with a mobile, so one can be named by phone) get a CRM's batch through the CLI ({@code ledger-batch FILE
 * --card ID}): by code and by phone, a delta and a target, and one line that cannot be applied. Sent twice, it applies
 * once; the failed line is listed with its reason, and WeChat (the sandbox) ends with the ledger's totals.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LedgerBatchCliIT {

    private static final String API_KEY = "e2e-ledger-batch-key-0123456789ab";

    @RegisterExtension
    final CliWorld world = new CliWorld(API_KEY);

    @Test
    void a_crm_batch_applies_once_through_the_cli_and_wechat_ends_with_the_ledger_s_totals() throws Exception {
        String api = world.api;
        String sandbox = world.sandbox;
        Path dataDir = world.dataDir;
        CliWorld.Card card = world.approvedCard();
        String cardId = card.id();
        String wechatCardId = card.wechatId();
        world.askMobile(card);
        String alice = world.member(card, "oBatchAlice", "139 0013 9001");
        String bob = world.member(card, "oBatchBob", "139 0013 9002");
        world.await("bob found by phone", () -> world.send("GET", api + "/v1/members?phone=13900139002", null, 200)
                .get("items").size() == 1);
        Path csv = dataDir.resolve("crm.csv");
        Files.writeString(csv, "code,phone,points,balance_target,reason,idempotency_key\n"
                + alice + ",,120,,nightly sync,crm-1\n"
                + ",+86 139-0013-9002,30,2500,nightly sync,crm-2\n"
                + alice + ",,-500,,more than she has,crm-3\n"
                + alice + ",,,1000,top-up to 10 yuan,crm-4\n");

        ServiceProcess.Result first = world.cli("ledger-batch", csv.toString(), "--card", cardId);
        ServiceProcess.Result again = world.cli("ledger-batch", csv.toString(), "--card", cardId);

        assertThat(first.status()).as(first.output()).isEqualTo(2); // a line failed
        assertThat(first.output()).contains("100%", "3 applied", "0 replayed", "1 failed", "line 4: points: ");
        assertThat(again.output()).contains("0 applied", "3 replayed", "1 failed");
        JsonNode aliceNow = world.send("GET", api + "/v1/cards/" + cardId + "/memberships/" + alice, null, 200);
        JsonNode bobNow = world.send("GET", api + "/v1/cards/" + cardId + "/memberships/" + bob, null, 200);
        assertThat(aliceNow.get("points").asLong()).isEqualTo(120);
        assertThat(aliceNow.get("balance").asLong()).isEqualTo(1000);
        assertThat(bobNow.get("points").asLong()).isEqualTo(30);
        assertThat(bobNow.get("balance").asLong()).isEqualTo(2500);
        world.await("WeChat holds the ledger's totals", () -> {
            JsonNode a = world.send("GET", sandbox + "/sandbox/cards/" + wechatCardId + "/codes/" + alice, null, 200);
            JsonNode b = world.send("GET", sandbox + "/sandbox/cards/" + wechatCardId + "/codes/" + bob, null, 200);
            return a.path("bonus").asLong() == 120 && a.path("balance").asLong() == 1000
                    && b.path("bonus").asLong() == 30 && b.path("balance").asLong() == 2500;
        });
    }

}
