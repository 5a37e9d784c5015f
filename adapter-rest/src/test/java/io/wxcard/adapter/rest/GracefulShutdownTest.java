package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.FindCardsQuery;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

    @Test
    void close_lets_a_request_in_flight_finish_and_then_refuses_new_ones() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        ApiHarness h = new ApiHarness(useCases -> {
            FindCardsQuery real = useCases.findCards();
            FindCardsQuery slow = new FindCardsQuery() {
                public Either<Failure, Card> card(TenantId tenant, CardId id) {
                    inside.countDown();
                    PushRoutesTest.sleep(700);
                    return real.card(tenant, id);
                }

                public Page<Card> cards(TenantId tenant, Option<CardState> state, PageRequest page) {
                    return real.cards(tenant, state, page);
                }
            };
            return new RestUseCases(useCases.draftCard(), useCases.editCard(), useCases.submitCard(),
                    useCases.setTestWhitelist(), useCases.configureActivationForm(), useCases.distributeCard(),
                    useCases.deleteCard(), slow, useCases.activateMembership(), useCases.changeLedger(),
                    useCases.invalidateMembership(), useCases.pullMemberInfo(), useCases.findMemberships(),
                    useCases.importMembers(), useCases.acceptWechatPush(), useCases.authenticateApiKey(),
                    useCases.uploadCardImage(), useCases.findMembers(), useCases.changeFeed(),
                    useCases.manageWebhooks(), useCases.activationPages(), useCases.wechatPay(), useCases.applyLedgerBatch(),
                useCases.cardStatistics());
        }, new RestApi.Tuning(Duration.ofSeconds(4), Duration.ofSeconds(10)), () -> true,
                RestSettings.DEFAULT_MAX_BODY_BYTES);
        Merchant m = h.newMerchant();
        String id = m.draft(Cards.minimal());

        CompletableFuture<Http.Answer> inFlight = CompletableFuture.supplyAsync(() -> m.http.get("/v1/cards/" + id));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        h.close();
        long closedAfterMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(inFlight.isDone()).isTrue();
        assertThat(inFlight.get().status()).isEqualTo(200);
        assertThat(closedAfterMillis).isGreaterThan(300);
        assertThatThrownBy(() -> m.http.get("/health")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed");
    }
}
