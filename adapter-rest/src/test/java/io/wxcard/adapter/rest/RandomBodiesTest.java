package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.adapter.rest.CardDefinitionJson.CardDocument;
import io.wxcard.adapter.rest.CardResources.ActivationFormJson;
import io.wxcard.adapter.rest.CardResources.TestWhitelistJson;
import io.wxcard.adapter.rest.DistributionResources.CardExtRequest;
import io.wxcard.adapter.rest.DistributionResources.LandingPageRequest;
import io.wxcard.adapter.rest.DistributionResources.QrCodeRequest;
import io.wxcard.adapter.rest.MembershipResources.ActivateRequest;
import io.wxcard.adapter.rest.MembershipResources.InvalidateRequest;
import io.wxcard.adapter.rest.MembershipResources.LedgerChangeRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random documents and random mutations of valid bodies against every write route: never a 5xx, and
 * whatever is refused leaves the stores exactly as they were. Reproducible: the seed is fixed.
 */
class RandomBodiesTest {

    static final long SEED = 20261123L;
    static final int ROUNDS = 3000;

    private static WriteTargets targets;

    @BeforeAll
    static void start() {
        targets = new WriteTargets();
    }

    @AfterAll
    static void stop() {
        targets.close();
    }

    @Test
    void random_bodies_never_get_a_5xx_and_every_refusal_changes_nothing() {
        ApiHarness h = targets.h;
        List<Route> routes = targets.writeRoutes();
        RandomJson json = new RandomJson(SEED, CardDocument.class, TestWhitelistJson.class, ActivationFormJson.class,
                QrCodeRequest.class, LandingPageRequest.class, CardExtRequest.class, ActivateRequest.class,
                LedgerChangeRequest.class, InvalidateRequest.class, EngagementResources.StoreRequest.class,
                EngagementResources.SegmentRequest.class, EngagementResources.PreviewRequest.class,
                CampaignResources.StartRequest.class, CampaignResources.ReviewRequest.class);
        Map<Integer, Integer> statuses = new TreeMap<>();
        String state = h.state();
        for (int round = 0; round < ROUNDS; round++) {
            Route route = routes.get(json.random().nextInt(routes.size()));
            String valid = validBody(route);
            byte[] body = json.random().nextBoolean() ? json.mutate(valid) : json.document();
            Http.Answer answer = targets.send(route, body, WriteTargets.mediaType(route));
            String what = "seed " + SEED + " round " + round + ": " + route.operationId() + " with "
                    + new String(body, StandardCharsets.UTF_8) + " -> " + WriteTargets.abbreviate(answer);
            statuses.merge(answer.status(), 1, Integer::sum);
            assertThat(answer.status()).as(what).isBetween(200, 499);
            String after = h.state();
            if (answer.status() >= 400) {
                assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
                assertThat(after).as(what).isEqualTo(state);
            }
            state = after;
        }
        System.out.println("random bodies, seed " + SEED + ", " + ROUNDS + " rounds, answers by status: " + statuses);
        assertThat(statuses.keySet()).as("the documents must reach past parsing").contains(400, 422);
    }

    private static String validBody(Route route) {
        return switch (route.operationId()) {
            case "submitCard", "deleteCard", "pullMemberInfo", "createQrCode", "signCardExt", "activateMembership",
                 "deleteWebhook", "redeliver", "syncSegment", "massSendCard", "sendCardToMember",
                 "terminateCampaign" -> "{}";
            case "createWebhook" -> "{\"url\":\"https://erp.example.com/hooks\",\"events\":[\"membership.activated\"]}";
            default -> SecurityTest.VALID_BODIES.get(route.operationId());
        };
    }
}
