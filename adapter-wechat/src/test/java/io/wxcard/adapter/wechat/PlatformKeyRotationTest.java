package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.ImportRequest;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.Secret;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * WeChat Pay's platform keys rotate: answers signed with a serial the merchant was not configured with are verified
 * with the certificate {@code GET /v3/certificates} lists (decrypted with the APIv3 key), over real HTTP against the
 * sandbox; and the public-key mode ({@code PUB_KEY_ID_...}) names its key on every request.
 */
class PlatformKeyRotationTest {

    @Test
    void an_import_of_many_members_across_two_platform_key_rotations_loses_nothing() throws Exception {
        try (SandboxFixture sandbox = SandboxFixture.start()) {
            SandboxFixture.Account account = sandbox.newAccount();
            WechatAdapter adapter = WechatAdapter.create(sandbox.settings(), new InMemoryStores().tokens(),
                    Clock.system());
            WechatCardId cardId = adapter.catalog().create(account.account(), Fixtures.definition()).get();
            new SandboxControl(sandbox).review(cardId, true);
            adapter.payCardUpgrade().upgrade(sandbox.merchant(account), cardId, new BrandId("1001622624"),
                    account.account().appId()).get();
            MerchantCredentials merchant = sandbox.merchant(account); // trusts the key before the rotations only
            int members = 90;
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Either<WechatError, Code>>> results = new ArrayList<>();
            try {
                for (int i = 0; i < members; i++) {
                    String openid = "oRotate" + i + SandboxFixture.shortId();
                    results.add(pool.submit(() -> adapter.memberImport().importMember(merchant,
                            new ImportRequest(cardId, new OpenId(openid), Option.none(), "rot-" + openid))));
                    if (i == 30 || i == 60) {
                        sandbox.sandbox.rotatePlatformKey(Duration.ofMinutes(10));
                    }
                }
                List<Code> codes = new ArrayList<>();
                for (Future<Either<WechatError, Code>> result : results) {
                    Either<WechatError, Code> answer = result.get(60, TimeUnit.SECONDS);
                    assertThat(answer.isRight()).as("every import succeeds, none refused as untrusted: %s",
                            answer.isLeft() ? answer.getLeft() : "").isTrue();
                    codes.add(answer.get());
                }
                assertThat(new HashSet<>(codes)).hasSize(members);
            } finally {
                pool.shutdownNow();
            }
            String importPath = "/v3/marketing/membercard-open/cards/" + cardId.value() + "/users/import";
            assertThat(sandbox.calls(importPath, null)).as("each member imported by one call").hasSize(members);
            assertThat(sandbox.stats().toString()).contains("\"imports\":" + members);
            assertThat(sandbox.calls("/v3/certificates", null)).as("one download per new serial, not per answer")
                    .hasSizeBetween(1, 2);
        }
    }

    @Test
    void in_public_key_mode_every_request_names_the_public_key_and_its_answers_verify_with_it() {
        var vector = TestVectors.load("wechatpay-v3.json");
        PrivateKey platformKey = PaySignatures.privateKey(TestVectors.text(vector, "private_key_pem"));
        String publicKeyId = "PUB_KEY_ID_0112345678902025010100000000000001";
        try (StubServer stub = new StubServer()) {
            String path = "/v3/marketing/membercard-open/cards/pPubKeyCard/users/import";
            stub.on(path, r -> {
                String body = "{\"code\":\"100000000007\"}";
                String timestamp = Long.toString(Instant.now().getEpochSecond());
                String nonce = PaySignatures.nonce();
                Map<String, String> headers = new HashMap<>();
                headers.put("Content-Type", "application/json");
                headers.put("Wechatpay-Timestamp", timestamp);
                headers.put("Wechatpay-Nonce", nonce);
                headers.put("Wechatpay-Serial", publicKeyId);
                headers.put("Wechatpay-Signature", PaySignatures.sign(platformKey, new String(PaySignatures
                        .responseMessage(timestamp, nonce, body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)));
                return new StubServer.Answer(200, headers, body.getBytes(StandardCharsets.UTF_8));
            });
            WechatAdapter adapter = WechatAdapter.create(WechatSettings.defaults().withBaseUrl(stub.baseUrl()),
                    new InMemoryStores().tokens(), Clock.system());
            MerchantCredentials merchant = new MerchantCredentials(TestVectors.text(vector, "mchid"),
                    TestVectors.text(vector, "serial_no"), Secret.of(TestVectors.text(vector, "private_key_pem")),
                    Secret.of(vector.get("aead").get("apiv3_key").asText()), publicKeyId,
                    TestVectors.text(vector, "public_key_pem"));

            Either<WechatError, Code> answer = adapter.memberImport().importMember(merchant, new ImportRequest(
                    new WechatCardId("pPubKeyCard"), new OpenId("oPubKey1"), Option.none(), "pub-1"));

            assertThat(answer.get()).isEqualTo(new Code("100000000007"));
            assertThat(stub.received(path)).singleElement()
                    .satisfies(r -> assertThat(r.header("Wechatpay-Serial")).isEqualTo(publicKeyId));
            assertThat(stub.received("/v3/certificates")).as("a public key does not expire: nothing to download")
                    .isEmpty();
        }
    }
}
