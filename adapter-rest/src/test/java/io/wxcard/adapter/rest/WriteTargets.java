package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A harness with one tenant whose cards and memberships are in the states where a valid body to each write route
 * would be accepted, so that a refusal can only be the body's doing.
 */
final class WriteTargets implements AutoCloseable {

    final ApiHarness h = new ApiHarness();
    final Merchant m = h.newMerchant();
    /** Per write route's operation id: the path to send it to. */
    private final Map<String, String> targets = new LinkedHashMap<>();
    private final AtomicLong keys = new AtomicLong();

    WriteTargets() {
        String draft = m.draft(Cards.minimal());
        String approved = m.approved(Cards.minimal());
        String oneClick = m.approved(Cards.oneClick());
        String[] issued = m.member(Cards.merchantPage());
        String[] active = m.member(Cards.minimal());
        String member = "/v1/cards/" + active[0] + "/memberships/" + active[1];
        String issuedMember = "/v1/cards/" + issued[0] + "/memberships/" + issued[1];
        targets.put("draftCard", "/v1/cards");
        targets.put("editCard", "/v1/cards/" + draft);
        targets.put("submitCard", "/v1/cards/" + draft + "/submit");
        targets.put("setTestWhitelist", "/v1/cards/" + approved + "/test-whitelist");
        targets.put("configureActivationForm", "/v1/cards/" + oneClick + "/activation-form");
        targets.put("createQrCode", "/v1/cards/" + approved + "/qr-codes");
        targets.put("createLandingPage", "/v1/cards/" + approved + "/landing-pages");
        targets.put("signCardExt", "/v1/cards/" + approved + "/card-ext");
        targets.put("deleteCard", "/v1/cards/" + draft);
        targets.put("activateMembership", issuedMember + "/activate");
        targets.put("changePoints", member + "/points");
        targets.put("changeBalance", member + "/balance");
        targets.put("invalidateMembership", member + "/invalidate");
        targets.put("pullMemberInfo", issuedMember + "/pull");
        m.withPayCredentials();
        targets.put("upgradeCardForWechatPay", "/v1/cards/" + m.approved(Cards.minimal()) + "/wechat-pay-upgrade");
        String upgraded = m.approved(Cards.minimal());
        h.app.upgradeCardForWechatPay().upgrade(new io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase
                .UpgradeCardCommand(m.tenant, new io.wxcard.domain.card.CardId(upgraded),
                new io.wxcard.domain.card.BrandId("1001622624"))).get();
        targets.put("importMemberByPhone", "/v1/cards/" + upgraded + "/phone-imports");
        targets.put("registerWechatPayCallback", "/v1/wechat-pay/callback");
        String webhook = m.http.post("/v1/webhooks", "{\"url\":\"https://erp.example.com/hooks\"}").json().get("id")
                .asText();
        String[] atThePage = m.member(Cards.merchantPage());
        String session = m.http.post("/v1/activation-sessions", Http.json(java.util.Map.of("card_id",
                m.wechatCardId(atThePage[0]).value(), "encrypt_code", "enc:" + atThePage[1], "openid",
                "o_member_" + atThePage[0]))).json().get("id").asText();
        targets.put("openActivationSession", "/v1/activation-sessions");
        targets.put("activateActivationSession", "/v1/activation-sessions/" + session + "/activate");
        targets.put("createWebhook", "/v1/webhooks");
        targets.put("deleteWebhook", "/v1/webhooks/" + webhook);
        targets.put("redeliver", "/v1/webhooks/" + webhook + "/deliveries/ev_none/redeliver");
        // issue 17: a store; a segment of the active member's card, synced and previewed, so a mass send is taken
        String store = m.http.post("/v1/stores", "{\"name\":\"Jing'an\",\"address\":\"1 Nanjing Road\"}").json()
                .get("id").asText();
        String segments = "/v1/cards/" + active[0] + "/segments";
        String segment = segments + "/" + m.http.post(segments, "{\"name\":\"everyone\"}").json().get("id").asText();
        assertThat(m.http.post(segment + "/sync", null).status()).isEqualTo(200);
        assertThat(m.http.post(segment + "/previews", "{\"openid\":\"o_tester\"}").status()).isEqualTo(201);
        h.engagementWechat.memberWrote(new io.wxcard.domain.membership.OpenId("o_member_" + active[0]));
        targets.put("addStore", "/v1/stores");
        targets.put("editStore", "/v1/stores/" + store);
        targets.put("defineSegment", segments);
        targets.put("syncSegment", segment + "/sync");
        targets.put("previewCardMessage", segment + "/previews");
        targets.put("massSendCard", segment + "/mass-sends");
        targets.put("sendCardToMember", member + "/card-messages");
        targets.put("startCampaign", "/v1/cards/" + m.approved(Cards.minimal()) + "/campaigns");
        String campaign = m.http.post("/v1/cards/" + m.approved(Cards.minimal()) + "/campaigns",
                SecurityTest.CAMPAIGN).json().get("id").asText();
        targets.put("terminateCampaign", "/v1/campaigns/" + campaign + "/terminate");
        io.wxcard.domain.imports.ImportJobId job = new io.wxcard.domain.imports.ImportJobId("imp_targets");
        h.stores.imports().create(io.wxcard.domain.imports.ImportJob.started(job, m.tenant,
                new io.wxcard.domain.card.CardId(approved), h.clock.now()));
        targets.put("reviewImportFailures", "/v1/imports/" + job.value() + "/failures-reviewed");
    }

    /**
     * The write routes of the table that take JSON; a new one without a target here fails the calling test. Routes
     * that stream lines (member imports) or take a multipart file (card pictures) take no JSON: ImportRoutesTest and
     * ImageRoutesTest cover their malformed input.
     */
    List<Route> writeRoutes() {
        List<Route> routes = h.routes().stream()
                .filter(route -> route.path().startsWith("/v1/") && !route.method().equals("GET") && !route.nonJsonBody())
                .toList();
        assertThat(targets.keySet()).containsExactlyInAnyOrderElementsOf(routes.stream().map(Route::operationId).toList());
        return routes;
    }

    Route route(String operationId) {
        return h.routes().stream().filter(route -> route.operationId().equals(operationId)).findFirst().orElseThrow();
    }

    /** Sends the body to the route's target, with a fresh Idempotency-Key. */
    Http.Answer send(Route route, byte[] body, String contentType) {
        return m.http.send(route.method(), targets.get(route.operationId()), body, contentType,
                Map.of("Idempotency-Key", "fuzz-" + keys.incrementAndGet()));
    }

    static String mediaType(Route route) {
        return route.method().equals("PATCH") ? Route.MERGE_PATCH : "application/json";
    }

    static String abbreviate(Http.Answer answer) {
        String text = answer.toString();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    @Override
    public void close() {
        h.close();
    }
}
