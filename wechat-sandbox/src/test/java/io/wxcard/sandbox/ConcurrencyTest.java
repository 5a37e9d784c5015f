package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many clients at once: the totals, the stock and the codes must add up exactly. */
class ConcurrencyTest {
    private static final int THREADS = 16;

    @Test
    void concurrent_add_bonus_and_card_receipts_add_up_exactly() throws Exception {
        try (Fixture f = Fixture.start()) {
            String bonusCard = f.approvedCard(Fixture.memberCard());
            String code = f.receive(bonusCard, "oShared1");
            ObjectNode limited = Fixture.memberCard();
            ((ObjectNode) limited.get("base_info").get("sku")).put("quantity", 37);
            String stockCard = f.approvedCard(limited);
            String token = f.token();

            int updatesPerThread = 25;
            int receiptsPerThread = 5;
            AtomicInteger updatesOk = new AtomicInteger();
            AtomicInteger received = new AtomicInteger();
            AtomicInteger outOfStock = new AtomicInteger();
            Set<String> codes = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < updatesPerThread; i++) {
                        Http.Response update = f.http.post("/card/membercard/updateuser?access_token=" + token,
                                "{\"card_id\":\"" + bonusCard + "\",\"code\":\"" + code
                                        + "\",\"add_bonus\":3,\"add_balance\":7}");
                        if (update.errcode() == 0) {
                            updatesOk.incrementAndGet();
                        }
                        if (i < receiptsPerThread) {
                            Http.Response receipt = f.control("/sandbox/cards/" + stockCard + "/users",
                                    "{\"openid\":\"oCrowd-" + thread + "-" + i + "\"}");
                            if (receipt.status() == 200) {
                                received.incrementAndGet();
                                codes.add(receipt.json().get("code").asText());
                            } else if (receipt.json().get("errcode").asInt() == 45031) {
                                outOfStock.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : work) {
                future.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(updatesOk.get()).isEqualTo(THREADS * updatesPerThread);
            JsonNode member = f.state(bonusCard, code);
            assertThat(member.get("bonus").asLong()).isEqualTo(3L * THREADS * updatesPerThread);
            assertThat(member.get("balance").asLong()).isEqualTo(7L * THREADS * updatesPerThread);
            assertThat(member.get("changes")).hasSize(THREADS * updatesPerThread);

            assertThat(received.get()).isEqualTo(37);
            assertThat(outOfStock.get()).isEqualTo(THREADS * receiptsPerThread - 37);
            assertThat(codes).hasSize(37);
            JsonNode sku = f.oa("/card/get", "{\"card_id\":\"" + stockCard + "\"}").json().get("card")
                    .get("member_card").get("base_info").get("sku");
            assertThat(sku.get("quantity").asInt()).isZero();
            assertThat(sku.get("total_quantity").asInt()).isEqualTo(37);
            assertThat(f.http.get("/sandbox/stats").json().get("updateuser_applied").asInt())
                    .isEqualTo(THREADS * updatesPerThread);
        }
    }

    @Test
    void concurrent_receipts_by_one_member_respect_get_limit() throws Exception {
        try (Fixture f = Fixture.start()) {
            ObjectNode definition = Fixture.memberCard();
            ((ObjectNode) definition.get("base_info")).put("get_limit", 2);
            String cardId = f.approvedCard(definition);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Http.Response>> attempts = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                attempts.add(pool.submit(() -> f.control("/sandbox/cards/" + cardId + "/users",
                        "{\"openid\":\"oGreedy1\"}")));
            }
            int ok = 0;
            int limited = 0;
            for (Future<Http.Response> attempt : attempts) {
                Http.Response response = attempt.get(30, TimeUnit.SECONDS);
                if (response.status() == 200) {
                    ok++;
                } else if (response.json().get("errcode").asInt() == 45033) {
                    limited++;
                }
            }
            pool.shutdown();

            assertThat(ok).isEqualTo(2);
            assertThat(limited).isEqualTo(THREADS - 2);
        }
    }
}
