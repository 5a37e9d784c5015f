package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vavr.control.Either;
import io.wxcard.application.port.in.EditCardUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.FindCardsQuery;
import io.wxcard.application.port.in.SubmitCardUseCase;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.StoreUnavailableException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** RFC 9457 problems for every kind of failure, a request id on every answer, never a stack trace. */
class ErrorModelTest {

    private static ApiHarness h;
    private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();

    /** Cards whose edit loses every race (a Conflict), and whose submission meets a store's lost update. */
    private static final java.util.Set<String> RACING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Reading card "card_kaput" blows up. */
    @BeforeAll
    static void start() {
        LOGGED.start();
        Logger dispatcherLog = (Logger) LoggerFactory.getLogger(Problems.class);
        dispatcherLog.addAppender(LOGGED);
        dispatcherLog.setAdditive(false); // the expected 500s' stack traces stay out of the build's output
        h = new ApiHarness(useCases -> {
            FindCardsQuery real = useCases.findCards();
            FindCardsQuery exploding = new FindCardsQuery() {
                public Either<Failure, io.wxcard.domain.card.Card> card(io.wxcard.domain.tenant.TenantId tenant,
                                                                          io.wxcard.domain.card.CardId id) {
                    if (id.value().equals("card_kaput")) {
                        throw new IllegalStateException("kaboom: appsecret-tenant_1 leaked into a message");
                    }
                    if (id.value().equals("card_db_down")) {
                        throw new StoreUnavailableException("loading card x: the database could not be reached",
                                new java.sql.SQLException("Connection refused to jdbc:postgresql://db:5432/cards", "08001"));
                    }
                    return real.card(tenant, id);
                }

                public io.wxcard.application.port.out.store.Page<io.wxcard.domain.card.Card> cards(
                        io.wxcard.domain.tenant.TenantId tenant, io.vavr.control.Option<io.wxcard.domain.card.CardState> state,
                        io.wxcard.application.port.out.store.PageRequest page) {
                    return real.cards(tenant, state, page);
                }
            };
            EditCardUseCase racing = command -> RACING.contains(command.cardId().value())
                    ? Either.left(new Failure.Conflict("card " + command.cardId() + " kept being changed by others"))
                    : useCases.editCard().edit(command);
            SubmitCardUseCase storeRace = (tenant, id) -> {
                if (RACING.contains(id.value())) {
                    throw new ConcurrentUpdateException("card " + id + " was changed by someone else");
                }
                return useCases.submitCard().submit(tenant, id);
            };
            return new RestUseCases(useCases.draftCard(), racing, storeRace, useCases.setTestWhitelist(),
                    useCases.configureActivationForm(), useCases.distributeCard(), useCases.deleteCard(), exploding,
                    useCases.activateMembership(), useCases.changeLedger(), useCases.invalidateMembership(),
                    useCases.pullMemberInfo(), useCases.findMemberships(), useCases.importMembers(),
                    useCases.acceptWechatPush(), useCases.authenticateApiKey(),
                    useCases.uploadCardImage(), useCases.findMembers(), useCases.changeFeed(),
                    useCases.manageWebhooks(), useCases.activationPages(), useCases.wechatPay(), useCases.applyLedgerBatch(),
                useCases.cardStatistics());
        }, ApiHarness.TUNING, () -> true, RestSettings.DEFAULT_MAX_BODY_BYTES);
    }

    @AfterAll
    static void stop() {
        h.close();
        Logger dispatcherLog = (Logger) LoggerFactory.getLogger(Problems.class);
        dispatcherLog.detachAppender(LOGGED);
        dispatcherLog.setAdditive(true);
    }

    @Test
    void a_problem_has_a_stable_type_title_status_detail_instance_and_request_id() {
        Merchant m = h.newMerchant();

        Http.Answer answer = m.http.get("/v1/cards/card_missing");

        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        var problem = answer.json();
        assertThat(problem.get("type").asText()).isEqualTo("https://wxcard.dev/problems/not-found");
        assertThat(problem.get("title").asText()).isEqualTo("Not found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asText()).isEqualTo("card card_missing was not found");
        assertThat(problem.get("instance").asText()).isEqualTo("/v1/cards/card_missing");
        assertThat(problem.get("request_id").asText()).isEqualTo(answer.header("X-Request-Id"));
    }

    @Test
    void an_unexpected_failure_is_a_generic_500_whose_request_id_is_in_the_log_and_nothing_leaks() {
        Merchant m = h.newMerchant();

        Http.Answer answer = m.http.get("/v1/cards/card_kaput");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.problemType()).isEqualTo("internal-error");
        assertThat(answer.body()).doesNotContain("kaboom", "appsecret", "IllegalStateException", "at io.");
        String requestId = answer.json().get("request_id").asText();
        assertThat(requestId).isEqualTo(answer.header("X-Request-Id"));
        assertThat(LOGGED.list).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains(requestId);
            assertThat(event.getThrowableProxy().getMessage()).contains("kaboom");
        });
    }

    @Test
    void an_unreachable_database_is_a_503_with_retry_after_that_says_to_repeat_with_the_same_key() {
        Merchant m = h.newMerchant();

        Http.Answer answer = m.http.get("/v1/cards/card_db_down");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.problemType()).isEqualTo("database-unavailable");
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(answer.json().get("detail").asText()).contains("same Idempotency-Key");
        assertThat(answer.body()).doesNotContain("jdbc:", "Connection refused", "SQLException");
    }

    @Test
    void a_use_case_losing_every_race_is_a_409_concurrent_update_and_so_is_a_stores_lost_update() {
        Merchant m = h.newMerchant();
        String id = m.draft(Cards.minimal());
        RACING.add(id);
        String before = h.state();

        Http.Answer failure = m.http.patch("/v1/cards/" + id, "{\"card\":{\"member_card\":{\"prerogative\":\"more\"}}}");
        Http.Answer exception = m.http.post("/v1/cards/" + id + "/submit", null);

        assertThat(failure.status()).isEqualTo(409);
        assertThat(failure.problemType()).isEqualTo("concurrent-update");
        assertThat(failure.json().get("detail").asText()).contains("kept being changed", "try again");
        assertThat(exception.status()).isEqualTo(409);
        assertThat(exception.problemType()).isEqualTo("concurrent-update");
        assertThat(h.state()).isEqualTo(before);
    }

    @Test
    void every_answer_carries_a_request_id_and_a_safe_one_from_the_caller_is_kept() {
        Merchant m = h.newMerchant();

        Http.Answer kept = m.http.send("GET", "/v1/cards", null, null, Map.of("X-Request-Id", "trace-42.a:b"));
        Http.Answer replaced = m.http.send("GET", "/v1/cards", null, null, Map.of("X-Request-Id", "<script>alert(1)</script>"));

        assertThat(kept.header("X-Request-Id")).isEqualTo("trace-42.a:b");
        assertThat(kept.header("Server")).isNull();
        assertThat(kept.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(replaced.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        for (Http.Answer answer : new Http.Answer[] {
                h.anonymous.get("/health"), h.anonymous.get("/metrics"), h.anonymous.get("/openapi.json"),
                h.anonymous.get("/v1/cards"), h.anonymous.get("/nowhere"), h.anonymous.send("PUT", "/health", null, null, Map.of()),
                h.anonymous.get("/wechat/nobody/events"), m.http.get("/v1/cards/card_kaput")}) {
            assertThat(answer.header("X-Request-Id")).as(answer.toString()).isNotBlank();
        }
    }

    @Test
    void an_unknown_route_is_a_404_problem_and_a_wrong_method_a_405_naming_the_allowed_ones() {
        Merchant m = h.newMerchant();

        Http.Answer unknown = m.http.get("/v2/cards");
        Http.Answer wrongMethod = m.http.send("PUT", "/v1/cards", "{}".getBytes(), "application/json", Map.of());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemType()).isEqualTo("not-found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.problemType()).isEqualTo("method-not-allowed");
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET, POST");
    }
}
