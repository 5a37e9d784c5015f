package io.wxcard.examples.teahouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.DraftCardUseCase;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application brings its own implementation of one port (here the ids, numbered the tea house's way): the
 * starter's gives way, everything else stays auto-configured, and the use cases run on the application's bean.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
class OwnBeanReplacesTheStartersTest {

    static final SandboxWechat WECHAT = new SandboxWechat();

    @TestConfiguration
    static class TeaHouseIds {
        @Bean
        IdGenerator teaHouseIds() {
            AtomicLong next = new AtomicLong();
            return new IdGenerator() {
                @Override
                public CardId newCardId() {
                    return new CardId("teahouse_card_" + next.incrementAndGet());
                }

                @Override
                public String newId(String prefix) {
                    return "teahouse_" + prefix + "_" + next.incrementAndGet();
                }
            };
        }
    }

    @DynamicPropertySource
    static void wxcard(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:teahouse-own-bean;DB_CLOSE_DELAY=-1");
        properties.add("wxcard.wechat.api-base-url", WECHAT.sandbox::baseUrl);
        properties.add("wxcard.wechat.pay-api-base-url", WECHAT.sandbox::baseUrl);
        // the tenant of application.properties, its secrets as the environment would give them
        properties.add("TEAHOUSE_APPID", () -> SandboxWechat.APP_ID);
        properties.add("TEAHOUSE_APPSECRET", () -> WECHAT.appSecret);
        properties.add("TEAHOUSE_PUSH_TOKEN", () -> WECHAT.pushToken);
        properties.add("TEAHOUSE_AES_KEY", () -> WECHAT.aesKey);
    }

    @AfterAll
    static void stopWechat() {
        WECHAT.close();
    }

    @Autowired ApplicationContext context;
    @Autowired DraftCardUseCase draft;

    @Test
    void the_applications_own_port_replaces_the_starters_and_the_use_cases_use_it() {
        assertThat(context.getBeansOfType(IdGenerator.class)).containsOnlyKeys("teaHouseIds");

        Card card = draft.draft(new DraftCardCommand(new TenantId("teahouse"), Fixtures.definition())).get();

        assertThat(card.id().value()).startsWith("teahouse_card_");
    }

    @Test
    void every_use_case_is_one_bean_of_its_own_interface() {
        assertThat(context.getBeansOfType(DraftCardUseCase.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(io.wxcard.application.port.in.EditCardUseCase.class)).hasSize(1);
    }
}
