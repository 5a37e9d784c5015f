package io.wxcard.spring;

import io.wxcard.adapter.wechat.WechatAdapter;
import io.wxcard.application.service.CampaignServices;
import io.wxcard.application.port.in.ManageCampaignsUseCase;
import io.wxcard.application.port.in.AcceptWechatPushUseCase;
import io.wxcard.application.port.in.ActivateMembershipUseCase;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase;
import io.wxcard.application.port.in.ApplyWechatPushesUseCase;
import io.wxcard.application.port.in.AuthenticateApiKeyQuery;
import io.wxcard.application.port.in.ChangeLedgerUseCase;
import io.wxcard.application.port.in.ConfigureActivationFormUseCase;
import io.wxcard.application.port.in.DeleteCardUseCase;
import io.wxcard.application.port.in.DispatchOutboxUseCase;
import io.wxcard.application.port.in.DistributeCardUseCase;
import io.wxcard.application.port.in.DraftCardUseCase;
import io.wxcard.application.port.in.EditCardUseCase;
import io.wxcard.application.port.in.FindCardsQuery;
import io.wxcard.application.port.in.FindMembersQuery;
import io.wxcard.application.port.in.FindMembershipsQuery;
import io.wxcard.application.port.in.HandleWechatEventUseCase;
import io.wxcard.application.port.in.ImportMembersUseCase;
import io.wxcard.application.port.in.InvalidateMembershipUseCase;
import io.wxcard.application.port.in.ListenToEventsUseCase;
import io.wxcard.application.port.in.ManageDeadLettersUseCase;
import io.wxcard.application.port.in.ManageTenantsUseCase;
import io.wxcard.application.port.in.ManageWebhooksUseCase;
import io.wxcard.application.port.in.ActivationPageUseCase;
import io.wxcard.application.service.JoiningServices;
import io.wxcard.application.port.in.PullMemberInfoUseCase;
import io.wxcard.application.port.in.ReadChangeFeedQuery;
import io.wxcard.application.port.in.ReconcileCardUseCase;
import io.wxcard.application.port.in.RecordCardReceivedUseCase;
import io.wxcard.application.port.in.RecordMemberDeletedCardUseCase;
import io.wxcard.application.port.in.RecordReviewResultUseCase;
import io.wxcard.application.port.in.RelayEventsUseCase;
import io.wxcard.application.port.in.RunImportsUseCase;
import io.wxcard.application.port.in.SetTestWhitelistUseCase;
import io.wxcard.application.port.in.StockAlertsQuery;
import io.wxcard.application.port.in.SubmitCardUseCase;
import io.wxcard.application.port.in.UploadCardImageUseCase;
import io.wxcard.application.service.CardServices;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.target.SingletonTargetSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every use case of {@link CardServices} as a bean of its own interface, each giving way to one of the application's
 * own. One service implements several use cases (the card service drafts, edits, submits, ...), so each bean is a
 * proxy showing only its one interface: otherwise injecting {@code EditCardUseCase} would find the draft-card bean
 * too, and a replaced use case could still be reached through a sibling.
 */
@Configuration(proxyBeanMethods = false)
class WxcardUseCases {

    @Bean
    @ConditionalOnMissingBean
    public DraftCardUseCase draftCard(CardServices services) {
        return only(DraftCardUseCase.class, services.draftCard());
    }

    @Bean
    @ConditionalOnMissingBean
    public EditCardUseCase editCard(CardServices services) {
        return only(EditCardUseCase.class, services.editCard());
    }

    @Bean
    @ConditionalOnMissingBean
    public SubmitCardUseCase submitCard(CardServices services) {
        return only(SubmitCardUseCase.class, services.submitCard());
    }

    @Bean
    @ConditionalOnMissingBean
    public RecordReviewResultUseCase recordReviewResult(CardServices services) {
        return only(RecordReviewResultUseCase.class, services.recordReviewResult());
    }

    @Bean
    @ConditionalOnMissingBean
    public SetTestWhitelistUseCase setTestWhitelist(CardServices services) {
        return only(SetTestWhitelistUseCase.class, services.setTestWhitelist());
    }

    @Bean
    @ConditionalOnMissingBean
    public ConfigureActivationFormUseCase configureActivationForm(CardServices services) {
        return only(ConfigureActivationFormUseCase.class, services.configureActivationForm());
    }

    @Bean
    @ConditionalOnMissingBean
    public DeleteCardUseCase deleteCard(CardServices services) {
        return only(DeleteCardUseCase.class, services.deleteCard());
    }

    @Bean
    @ConditionalOnMissingBean
    public FindCardsQuery findCards(CardServices services) {
        return only(FindCardsQuery.class, services.findCards());
    }

    @Bean
    @ConditionalOnMissingBean
    public DistributeCardUseCase distributeCard(CardServices services) {
        return only(DistributeCardUseCase.class, services.distributeCard());
    }

    @Bean
    @ConditionalOnMissingBean
    public RecordCardReceivedUseCase recordCardReceived(CardServices services) {
        return only(RecordCardReceivedUseCase.class, services.recordCardReceived());
    }

    @Bean
    @ConditionalOnMissingBean
    public RecordMemberDeletedCardUseCase recordMemberDeletedCard(CardServices services) {
        return only(RecordMemberDeletedCardUseCase.class, services.recordMemberDeletedCard());
    }

    @Bean
    @ConditionalOnMissingBean
    public ActivateMembershipUseCase activateMembership(CardServices services) {
        return only(ActivateMembershipUseCase.class, services.activateMembership());
    }

    @Bean
    @ConditionalOnMissingBean
    public PullMemberInfoUseCase pullMemberInfo(CardServices services) {
        return only(PullMemberInfoUseCase.class, services.pullMemberInfo());
    }

    @Bean
    @ConditionalOnMissingBean
    public InvalidateMembershipUseCase invalidateMembership(CardServices services) {
        return only(InvalidateMembershipUseCase.class, services.invalidateMembership());
    }

    @Bean
    @ConditionalOnMissingBean
    public FindMembershipsQuery findMemberships(CardServices services) {
        return only(FindMembershipsQuery.class, services.findMemberships());
    }

    @Bean
    @ConditionalOnMissingBean
    public ChangeLedgerUseCase changeLedger(CardServices services) {
        return only(ChangeLedgerUseCase.class, services.changeLedger());
    }

    @Bean
    @ConditionalOnMissingBean
    public ReconcileCardUseCase reconcileCard(CardServices services) {
        return only(ReconcileCardUseCase.class, services.reconcileCard());
    }

    @Bean
    @ConditionalOnMissingBean
    public StockAlertsQuery stockAlerts(CardServices services) {
        return only(StockAlertsQuery.class, services.stockAlerts());
    }

    @Bean
    @ConditionalOnMissingBean
    public HandleWechatEventUseCase handleWechatEvent(CardServices services) {
        return only(HandleWechatEventUseCase.class, services.handleWechatEvent());
    }

    @Bean
    @ConditionalOnMissingBean
    public AcceptWechatPushUseCase acceptWechatPush(CardServices services) {
        return only(AcceptWechatPushUseCase.class, services.acceptWechatPush());
    }

    @Bean
    @ConditionalOnMissingBean
    public ApplyWechatPushesUseCase applyWechatPushes(CardServices services) {
        return only(ApplyWechatPushesUseCase.class, services.applyWechatPushes());
    }

    @Bean
    @ConditionalOnMissingBean
    public DispatchOutboxUseCase dispatchOutbox(CardServices services) {
        return only(DispatchOutboxUseCase.class, services.dispatchOutbox());
    }

    @Bean
    @ConditionalOnMissingBean
    public ManageDeadLettersUseCase manageDeadLetters(CardServices services) {
        return only(ManageDeadLettersUseCase.class, services.manageDeadLetters());
    }

    @Bean
    @ConditionalOnMissingBean
    public ManageTenantsUseCase manageTenants(CardServices services) {
        return only(ManageTenantsUseCase.class, services.manageTenants());
    }

    @Bean
    @ConditionalOnMissingBean
    public AuthenticateApiKeyQuery authenticateApiKey(CardServices services) {
        return only(AuthenticateApiKeyQuery.class, services.authenticateApiKey());
    }

    @Bean
    @ConditionalOnMissingBean
    public ImportMembersUseCase importMembers(CardServices services) {
        return only(ImportMembersUseCase.class, services.importMembers());
    }

    @Bean
    @ConditionalOnMissingBean
    public RunImportsUseCase runImports(CardServices services) {
        return only(RunImportsUseCase.class, services.runImports());
    }

    @Bean
    @ConditionalOnMissingBean
    public UploadCardImageUseCase uploadCardImage(CardServices services) {
        return only(UploadCardImageUseCase.class, services.uploadCardImage());
    }

    @Bean
    @ConditionalOnMissingBean
    public FindMembersQuery findMembers(CardServices services) {
        return only(FindMembersQuery.class, services.findMembers());
    }

    @Bean
    @ConditionalOnMissingBean
    public ReadChangeFeedQuery changeFeed(CardServices services) {
        return only(ReadChangeFeedQuery.class, services.changeFeed());
    }

    @Bean
    @ConditionalOnMissingBean
    public ListenToEventsUseCase listenToEvents(CardServices services) {
        return only(ListenToEventsUseCase.class, services.listenToEvents());
    }

    @Bean
    @ConditionalOnMissingBean
    public RelayEventsUseCase relayEvents(CardServices services) {
        return only(RelayEventsUseCase.class, services.relayEvents());
    }

    @Bean
    @ConditionalOnMissingBean
    public ManageWebhooksUseCase manageWebhooks(CardServices services) {
        return only(ManageWebhooksUseCase.class, services.manageWebhooks());
    }

    /** The activation page's sessions (issue 20), kept in the application's database. */
    @Bean
    @ConditionalOnMissingBean
    public ActivationPageUseCase activationPages(CardServices services, io.wxcard.adapter.persistence.Persistence
            persistence, io.wxcard.application.port.out.wechat.WechatMemberCards wechat,
                                                 io.wxcard.application.port.out.Clock clock,
                                                 io.wxcard.application.port.out.IdGenerator ids) {
        return only(ActivationPageUseCase.class, new JoiningServices(new JoiningServices.Dependencies(services,
                persistence.activationSessions(), persistence.tenants(), persistence.cards(),
                persistence.memberships(), wechat, clock, ids)).activationPages());
    }

    @Bean
    @ConditionalOnMissingBean
    public ApplyLedgerBatchUseCase applyLedgerBatch(CardServices services) {
        return only(ApplyLedgerBatchUseCase.class, services.applyLedgerBatch());
    }

    /** Gift-on-joining campaigns (issue 20 item 3), kept in the application's database, told to WeChat. */
    @Bean
    @ConditionalOnMissingBean
    public ManageCampaignsUseCase manageCampaigns(
            io.wxcard.adapter.persistence.Persistence persistence, WechatAdapter wechat,
            io.wxcard.application.port.out.Clock clock, io.wxcard.application.port.out.IdGenerator ids) {
        return only(ManageCampaignsUseCase.class,
                new CampaignServices(
                        new CampaignServices.Dependencies(persistence.campaigns(),
                                persistence.imports(), wechat.campaigns(), persistence.tenants(), persistence.cards(),
                                persistence.memberships(), clock, ids, persistence.campaignJoins())).campaigns());
    }

    /** {@code target} seen only as {@code useCase}: calls go straight through (no advice), exceptions unwrapped. */
    static <T> T only(Class<T> useCase, T target) {
        return ProxyFactory.getProxy(useCase, new SingletonTargetSource(target));
    }
}
