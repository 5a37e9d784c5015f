package io.wxcard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 17 through the packaged jar on its embedded defaults: a card's levels and points rule set by the CLI
 * ({@code loyalty set-levels / set-points-rule --file}), a bad levels file refused with the field named and nothing
 * changed, a purchase recorded ({@code loyalty purchase}) that earns points and moves the member up, the set-up shown,
 * and the promotion review finding nobody left to move.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LoyaltyCliIT {

    private static final String API_KEY = "e2e-loyalty-cli-key-0123456789abcd";

    @RegisterExtension
    final CliWorld world = new CliWorld(API_KEY);

    @Test
    void levels_and_points_set_from_files_a_purchase_moves_the_member_up_and_a_bad_file_changes_nothing()
            throws Exception {
        String api = world.api;
        Path dataDir = world.dataDir;
        CliWorld.Card card = world.approvedCard();
        String cardId = card.id();
        world.askMobile(card);
        String alice = world.member(card, "oLoyaltyAlice", "139 0013 9101");

        Path levels = dataDir.resolve("levels.json");
        Files.writeString(levels, """
                {"levels": [
                  {"name": "普通", "entry": "BASE", "field_text": "普通"},
                  {"name": "银卡", "entry": "THRESHOLD", "points": 100, "field_text": "银卡"},
                  {"name": "金卡", "entry": "THRESHOLD", "points": 500, "field_text": "金卡"}]}""");
        Path overlapping = dataDir.resolve("overlapping.json");
        Files.writeString(overlapping, """
                {"levels": [
                  {"name": "普通", "entry": "BASE", "field_text": "普通"},
                  {"name": "银卡", "entry": "THRESHOLD", "points": 500, "field_text": "银卡"},
                  {"name": "金卡", "entry": "THRESHOLD", "points": 100, "field_text": "金卡"}]}""");
        Path points = dataDir.resolve("points.json");
        Files.writeString(points, "{\"spend_unit_fen\": 100, \"points_per_unit\": 1}");

        assertThat(world.cli("loyalty", "set-levels", "--card", cardId, "--file", levels.toString()).status()).isZero();
        assertThat(world.cli("loyalty", "set-points-rule", "--card", cardId, "--file", points.toString()).status()).isZero();
        ServiceProcess.Result refused = world.cli("loyalty", "set-levels", "--card", cardId, "--file", overlapping.toString());
        assertThat(refused.status()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("setting the card's levels failed: HTTP 422");

        ServiceProcess.Result paid = world.cli("loyalty", "purchase", "--card", cardId, "--code", alice, "--amount-fen",
                "15099", "--key", "order-1");
        assertThat(paid.status()).as(paid.output()).isZero();
        assertThat(paid.output()).contains("purchase order-1: 150 points earned, promoted to 银卡");
        ServiceProcess.Result shown = world.cli("loyalty", "show", "--card", cardId);
        assertThat(shown.output()).as("the first levels file stands").contains("银卡", "金卡");
        assertThat(world.cli("loyalty", "promote", "--card", cardId).output()).contains("0 members moved up");
        assertThat(world.send("GET", api + "/v1/cards/" + cardId + "/memberships/" + alice, null, 200).get("points")
                .asLong()).isEqualTo(150);
    }

}
