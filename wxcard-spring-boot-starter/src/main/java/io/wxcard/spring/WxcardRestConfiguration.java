package io.wxcard.spring;

import io.wxcard.application.port.in.ManageCampaignsUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wxcard.adapter.rest.ApiServlet;
import io.wxcard.adapter.rest.EngagementUseCases;
import io.wxcard.adapter.rest.RestApi;
import io.wxcard.adapter.rest.RestPayUseCases;
import io.wxcard.adapter.rest.RestUseCases;
import io.wxcard.application.port.in.AcceptWechatPushUseCase;
import io.wxcard.application.port.in.ActivateMembershipUseCase;
import io.wxcard.application.port.in.ActivationPageUseCase;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase;
import io.wxcard.application.port.in.AuthenticateApiKeyQuery;
import io.wxcard.application.port.in.ChangeLedgerUseCase;
import io.wxcard.application.port.in.ConfigureActivationFormUseCase;
import io.wxcard.application.port.in.DeleteCardUseCase;
import io.wxcard.application.port.in.DistributeCardUseCase;
import io.wxcard.application.port.in.DraftCardUseCase;
import io.wxcard.application.port.in.EditCardUseCase;
import io.wxcard.application.port.in.FindCardsQuery;
import io.wxcard.application.port.in.FindMembersQuery;
import io.wxcard.application.port.in.FindMembershipsQuery;
import io.wxcard.application.port.in.ImportMembersUseCase;
import io.wxcard.application.port.in.InvalidateMembershipUseCase;
import io.wxcard.application.port.in.ManageWebhooksUseCase;
import io.wxcard.application.port.in.PullMemberInfoUseCase;
import io.wxcard.application.port.in.ReadChangeFeedQuery;
import io.wxcard.application.port.in.SetTestWhitelistUseCase;
import io.wxcard.application.port.in.SubmitCardUseCase;
import io.wxcard.application.port.in.UploadCardImageUseCase;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.EngagementServices;
import jakarta.servlet.Servlet;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The standalone service's {@code /v1} API in the application's own web server, when {@code wxcard.rest.enabled}:
 * adapter-rest's routes as one servlet at {@code /v1/*}, over the use case beans (so a use case the application
 * replaced is the one the API calls), with request timers in the application's meter registry. Needs adapter-rest on
 * the classpath (and, with it, Javalin 6's Jetty 11 classes: see docs/embedding.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "io.wxcard.adapter.rest.RestApi")
@ConditionalOnProperty(prefix = "wxcard.rest", name = "enabled", havingValue = "true")
class WxcardRestConfiguration {

    static final String MAPPING = "/v1/*";

    @Bean
    @ConditionalOnMissingBean(name = "wxcardRestApi")
    ServletRegistrationBean<Servlet> wxcardRestApi(BeanFactory beans, WxcardProperties properties,
                                                   ObjectProvider<MeterRegistry> registry) {
        WxcardProperties.Rest rest = properties.getRest();
        ApiServlet api = RestApi.servlet(useCases(beans), rest.getMaxBodyBytes(), rest.getMaxImportBytes(),
                registry.getIfAvailable(SimpleMeterRegistry::new));
        ServletRegistrationBean<Servlet> registration = new ServletRegistrationBean<>(api.servlet(), MAPPING);
        registration.setName("wxcardRestApi");
        registration.setAsyncSupported(true);
        registration.setMultipartConfig(api.multipartConfig());
        registration.setLoadOnStartup(1);
        return registration;
    }

    /** The statistics, stores, segments and card messages come from the {@link EngagementServices} bean. */
    private static RestUseCases useCases(BeanFactory beans) {
        EngagementServices engagement = beans.getBean(EngagementServices.class);
        return new RestUseCases(beans.getBean(DraftCardUseCase.class), beans.getBean(EditCardUseCase.class),
                beans.getBean(SubmitCardUseCase.class), beans.getBean(SetTestWhitelistUseCase.class),
                beans.getBean(ConfigureActivationFormUseCase.class), beans.getBean(DistributeCardUseCase.class),
                beans.getBean(DeleteCardUseCase.class), beans.getBean(FindCardsQuery.class),
                beans.getBean(ActivateMembershipUseCase.class), beans.getBean(ChangeLedgerUseCase.class),
                beans.getBean(InvalidateMembershipUseCase.class), beans.getBean(PullMemberInfoUseCase.class),
                beans.getBean(FindMembershipsQuery.class), beans.getBean(ImportMembersUseCase.class),
                beans.getBean(AcceptWechatPushUseCase.class), beans.getBean(AuthenticateApiKeyQuery.class),
                beans.getBean(UploadCardImageUseCase.class), beans.getBean(FindMembersQuery.class),
                beans.getBean(ReadChangeFeedQuery.class), beans.getBean(ManageWebhooksUseCase.class),
                beans.getBean(ActivationPageUseCase.class),
                payUseCases(beans.getBean(CardServices.class)),
                beans.getBean(ApplyLedgerBatchUseCase.class), engagement.cardStatistics())
                .withEngagement(new EngagementUseCases(engagement.manageStores(), engagement.manageSegments(),
                        engagement.sendCardMessages()))
                .withCampaigns(beans.getBean(ManageCampaignsUseCase.class));
    }

    private static RestPayUseCases payUseCases(CardServices app) {
        return new RestPayUseCases(app.upgradeCardForWechatPay(), app.importMemberByPhone(),
                app.acceptWechatPayNotification(), app.readWechatPayMembership());
    }
}
