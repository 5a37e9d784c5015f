package io.wxcard.spring;

import io.wxcard.adapter.persistence.Persistence;
import io.wxcard.adapter.wechat.WechatAdapter;
import io.wxcard.adapter.wechat.WechatSettings;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.SharedTokenStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.application.port.out.wechat.WechatCardCatalog;
import io.wxcard.application.port.out.wechat.WechatCardImages;
import io.wxcard.application.port.out.wechat.WechatCardDistribution;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.application.port.out.wechat.WechatMemberImport;
import io.wxcard.application.port.out.wechat.push.WechatPushDecoder;
import io.wxcard.application.port.out.MemberLevels;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.EngagementServices;
import io.wxcard.application.service.ImportSettings;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * wxcard on the application's own {@link DataSource}: every outgoing port a bean (the Jdbi stores, the WeChat adapter,
 * the clock, the ids), {@link CardServices} over them, and every use case a bean ({@link WxcardUseCases}). Each bean
 * gives way to one of the application's own of the same type, so a team replaces one port (its own tenant store, say)
 * and keeps the rest. The same public entry points bootstrap wires by hand: {@link Persistence}, {@link WechatAdapter},
 * {@link CardServices}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(WxcardProperties.class)
@Import({WxcardUseCases.class, WxcardFlywayPlaceholders.class, WxcardRuntimeConfiguration.class,
        WxcardWebConfiguration.class, WxcardRestConfiguration.class, WxcardActuatorConfiguration.class})
public class WxcardAutoConfiguration {

    /**
     * The stores over the application's pool, after the application's own database initialisation (Spring Boot's
     * Flyway, which then has run wxcard's migrations too: {@link WxcardFlywayPlaceholders}).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public Persistence wxcardPersistence(DataSource dataSource, WxcardProperties properties) {
        return Persistence.over(dataSource, properties.getDatabase().isMigrate());
    }

    @Bean
    @ConditionalOnMissingBean
    public CardStore wxcardCardStore(Persistence persistence) {
        return persistence.cards();
    }

    @Bean
    @ConditionalOnMissingBean
    public MembershipStore wxcardMembershipStore(Persistence persistence) {
        return persistence.memberships();
    }

    @Bean
    @ConditionalOnMissingBean
    public LedgerStore wxcardLedgerStore(Persistence persistence) {
        return persistence.ledger();
    }

    @Bean
    @ConditionalOnMissingBean
    public TenantStore wxcardTenantStore(Persistence persistence) {
        return persistence.tenants();
    }

    @Bean
    @ConditionalOnMissingBean
    public OutboxStore wxcardOutboxStore(Persistence persistence) {
        return persistence.outbox();
    }

    @Bean
    @ConditionalOnMissingBean
    public InboxStore wxcardInboxStore(Persistence persistence) {
        return persistence.processedPushes();
    }

    @Bean
    @ConditionalOnMissingBean
    public ImportJobStore wxcardImportJobStore(Persistence persistence) {
        return persistence.imports();
    }

    @Bean
    @ConditionalOnMissingBean
    public SharedTokenStore wxcardSharedTokenStore(Persistence persistence) {
        return persistence.tokens();
    }

    @Bean
    @ConditionalOnMissingBean
    public TransactionBoundary wxcardTransactions(Persistence persistence) {
        return persistence.transactions();
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock wxcardClock() {
        return Clock.system();
    }

    @Bean
    @ConditionalOnMissingBean
    public IdGenerator wxcardIds() {
        return IdGenerator.random();
    }

    @Bean
    @ConditionalOnMissingBean
    public WechatAdapter wxcardWechatAdapter(WxcardProperties properties, SharedTokenStore tokens, Clock clock,
                                             WxcardThreads threads) {
        WxcardProperties.Wechat wechat = properties.getWechat();
        return WechatAdapter.create(WechatSettings.defaults().withApiBaseUrl(wechat.getApiBaseUrl())
                .withPayApiBaseUrl(wechat.getPayApiBaseUrl()).withUseStableToken(wechat.isStableToken())
                .withConnectTimeout(wechat.getConnectTimeout()).withReadTimeout(wechat.getReadTimeout())
                .withCallDeadline(wechat.getCallDeadline()).withInstanceId(InstanceName.of(properties)), tokens, clock,
                new io.wxcard.adapter.wechat.WechatThreads(threads.pool("wxcard-wechat-http", 4),
                        threads.pool("wxcard-wechat-call", io.wxcard.adapter.wechat.WechatThreads.DEFAULT_CALLS)));
    }

    @Bean
    @ConditionalOnMissingBean
    public WechatCardCatalog wxcardWechatCatalog(WechatAdapter wechat) {
        return wechat.catalog();
    }

    @Bean
    @ConditionalOnMissingBean
    public WechatCardDistribution wxcardWechatDistribution(WechatAdapter wechat) {
        return wechat.distribution();
    }

    @Bean
    @ConditionalOnMissingBean
    public WechatMemberCards wxcardWechatMemberCards(WechatAdapter wechat) {
        return wechat.members();
    }

    @Bean
    @ConditionalOnMissingBean
    public WechatMemberImport wxcardWechatMemberImport(WechatAdapter wechat) {
        return wechat.memberImport();
    }

    @Bean
    @ConditionalOnMissingBean
    public WechatCardImages wxcardWechatImages(WechatAdapter wechat) {
        return wechat.images();
    }

    @Bean
    @ConditionalOnMissingBean
    public WechatPushDecoder wxcardWechatPushDecoder(WechatAdapter wechat) {
        return wechat.pushDecoder();
    }

    /** The threads the application is handed (no service makes any); stopped after the background loops. */
    @Bean(destroyMethod = "close")
    public WxcardThreads wxcardThreads() {
        return new WxcardThreads();
    }

    @Bean
    @ConditionalOnMissingBean
    public CardServices wxcardCardServices(CardStore cards, MembershipStore memberships, LedgerStore ledger,
                                           TenantStore tenants, OutboxStore outbox, InboxStore inbox,
                                           TransactionBoundary transactions, WechatCardCatalog catalog,
                                           WechatCardDistribution distribution, WechatMemberCards members,
                                           WechatMemberImport memberImport, WechatCardImages images,
                                           WechatPushDecoder pushDecoder, Clock clock,
                                           IdGenerator ids, ImportJobStore imports, WxcardProperties properties,
                                           WxcardThreads threads, ObjectProvider<ImportSettings> importSettings,
                                           Persistence persistence, WechatAdapter wechat) {
        ImportSettings settings = importSettings.getIfAvailable(() -> ImportSettings.defaults()
                .withRatePerSecond(properties.getImports().getRatePerSecond())
                .withConcurrency(properties.getImports().getConcurrency()));
        return CardServices.builder().cards(cards).memberships(memberships).ledger(ledger).tenants(tenants)
                .outbox(outbox).inbox(inbox).imports(imports).ledgerBatches(persistence.ledgerBatches())
                .transactions(transactions).wechatCatalog(catalog)
                .wechatDistribution(distribution).wechatMembers(members).wechatImport(memberImport)
                .wechatImages(images).pushDecoder(pushDecoder).clock(clock).ids(ids)
                // WeChat Pay's member functions (issues 14 item 3, 20 item 2), from the same adapter
                .wechatPayUpgrade(wechat.payCardUpgrade()).wechatPayPhoneImport(wechat.payPhoneImport())
                .wechatPayNotifications(wechat.payNotifications()).wechatPayCallbacks(wechat.payCallbacks())
                .wechatPayMemberCards(wechat.payMemberCards())
                .instanceName(InstanceName.of(properties)).importSettings(settings)
                .importSenders(threads.pool("wxcard-import-sender", settings.concurrency()))
                // Issue 15's events (profiles, events table, webhooks): https webhooks to public addresses only.
                .events(persistence.events()).eventSettings(io.wxcard.application.service.EventSettings.defaults())
                .profiles(persistence.profiles()).phoneImports(persistence.phoneImports()).webhooks(persistence.webhooks())
                .webhookSender(io.wxcard.adapter.webhook.Webhooks.sender(io.wxcard.adapter.webhook
                        .WebhookSenderSettings.defaults(threads.pool("wxcard-webhook-client", 4))))
                .webhookSenders(threads.pool("wxcard-webhook-sender", 16)).build();
    }

    /**
     * Issue 17's stores, segments, card messages and statistics over the same stores and WeChat adapter; segments on
     * a level read the loyalty standings. The REST routes use this bean: an application may give its own.
     */
    @Bean
    @ConditionalOnMissingBean
    public EngagementServices wxcardEngagementServices(CardServices services, TenantStore tenants, CardStore cards,
                                                       MembershipStore memberships, Persistence persistence,
                                                       WechatAdapter wechat, Clock clock, IdGenerator ids) {
        return new EngagementServices(new EngagementServices.Dependencies(services, tenants, cards, memberships,
                persistence.stores(), persistence.segments(), persistence.statistics(),
                MemberLevels.of(persistence.standings()), wechat.userTags(), wechat.cardMessages(),
                wechat.cardStatistics(), clock, ids));
    }
}
