package io.wxcard.application.service;

import io.wxcard.application.port.in.AcceptWechatPushUseCase;
import io.wxcard.application.port.in.ActivateMembershipUseCase;
import io.wxcard.application.port.in.ApplyWechatPushesUseCase;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase;
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
import io.wxcard.application.port.in.ListenToEventsUseCase;
import io.wxcard.application.port.in.ManageWebhooksUseCase;
import io.wxcard.application.port.in.ReadChangeFeedQuery;
import io.wxcard.application.port.in.RelayEventsUseCase;
import io.wxcard.application.port.in.HandleWechatEventUseCase;
import io.wxcard.application.port.in.ImportMembersUseCase;
import io.wxcard.application.port.in.InvalidateMembershipUseCase;
import io.wxcard.application.port.in.ManageDeadLettersUseCase;
import io.wxcard.application.port.in.ManageTenantsUseCase;
import io.wxcard.application.port.in.PullMemberInfoUseCase;
import io.wxcard.application.port.in.ReconcileCardUseCase;
import io.wxcard.application.port.in.RecordCardReceivedUseCase;
import io.wxcard.application.port.in.RecordMemberDeletedCardUseCase;
import io.wxcard.application.port.in.RecordReviewResultUseCase;
import io.wxcard.application.port.in.RunImportsUseCase;
import io.wxcard.application.port.in.SetTestWhitelistUseCase;
import io.wxcard.application.port.in.StockAlertsQuery;
import io.wxcard.application.port.in.SubmitCardUseCase;
import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase;
import io.wxcard.application.port.in.AcceptWechatPayNotificationUseCase;
import io.wxcard.application.port.in.ReadWechatPayMembershipQuery;
import io.wxcard.application.port.in.ImportMemberByPhoneUseCase;
import io.wxcard.application.port.in.UploadCardImageUseCase;

/**
 * The application, wired: give it an implementation of every outgoing port and take the use cases. This is how
 * bootstrap builds the product and how other teams embed it; nothing else in this package is public.
 */
public final class CardServices {

    private final CardService cards;
    private final DistributionService distribution;
    private final MembershipService memberships;
    private final LedgerService ledger;
    private final WechatEventService wechatEvents;
    private final CardReconciler reconciler;
    private final WechatPushService pushes;
    private final PushInboxApplier pushInbox;
    private final OutboxDispatcher outbox;
    private final DeadLetters deadLetters;
    private final TenantService tenants;
    private final LedgerBatchService ledgerBatches;
    private final ImportService imports;
    private final ImportRunner importRunner;
    private final EventServices events;
    private final CardImageService images;
    private final PayCardService payCards;
    private final PayMemberService payMembers;
    private final PayMembershipReader payMemberships;
    /** For the activation page of an upgraded card ({@link JoiningServices}): the port this was given. */
    final io.wxcard.application.port.out.wechat.WechatPayMemberCards wechatPayMemberCards;
    /** What the loyalty services are wired from ({@link #loyalty}). */
    private final WiredParts internals;

    /** Start here: every port the application needs, given by name. */
    public static CardServicesBuilder builder() {
        return new CardServicesBuilder();
    }

    CardServices(CardServicesBuilder b) {
        UnitOfWork unitOfWork = new UnitOfWork(b.transactions);
        RecentTenants tenantStore = new RecentTenants(b.tenants);
        RecentCards cardStore = new RecentCards(b.cards); // every save through it forgets the card
        Lookups lookups = new Lookups(tenantStore, cardStore, b.memberships);
        OutboxWriter outboxWriter = new OutboxWriter(b.outbox, b.ids, b.clock);
        this.events = new EventServices(b, lookups);
        EventPublisher publisher = events.publisher;
        this.cards = new CardService(cardStore, outboxWriter, b.wechatCatalog, b.wechatDistribution,
                b.wechatMembers, lookups, unitOfWork, b.clock, b.ids, publisher);
        this.distribution = new DistributionService(b.wechatDistribution, lookups);
        ImportedPhones importedPhones = new ImportedPhones(b.phoneImports, b.memberships, b.profiles, b.clock);
        this.memberships = new MembershipService(cardStore, b.memberships, b.ledger, outboxWriter, b.wechatMembers,
                b.wechatPayMemberCards, lookups, unitOfWork, b.clock, publisher, b.profiles, importedPhones);
        this.ledger = new LedgerService(b.memberships, b.ledger, outboxWriter, lookups, unitOfWork, b.clock,
                publisher);
        TotalsReconciler totals = new TotalsReconciler(b.ledger, b.outbox, outboxWriter, ledger, b.wechatMembers,
                lookups, unitOfWork);
        GiftingService gifting = new GiftingService(b.memberships, ledger, totals, lookups, unitOfWork, b.clock);
        this.wechatEvents = new WechatEventService(cards, memberships, totals, gifting,
                new StoreVisits(b.stores, lookups));
        this.reconciler = new CardReconciler(tenantStore, b.cards, b.memberships, b.wechatMembers, totals,
                outboxWriter, lookups, unitOfWork, b.clock, publisher);
        this.pushes = new WechatPushService(tenantStore, b.inbox, b.transactions, b.pushDecoder, b.clock, b.ids);
        this.pushInbox = new PushInboxApplier(b.inbox, tenantStore, b.transactions, b.pushDecoder, wechatEvents,
                b.clock, b.instanceName);
        this.deadLetters = new DeadLetters(b.outbox, b.clock);
        this.outbox = new OutboxDispatcher(b.outbox, b.memberships, b.ledger, b.wechatCatalog, b.wechatMembers,
                memberships, totals, lookups, b.clock, b.instanceName,
                new PayTotalsSync(b.wechatPayMemberCards, lookups));
        this.tenants = new TenantService(b.tenants, tenantStore, b.clock, b.ids);
        this.imports = new ImportService(b.imports, b.transactions, lookups, b.clock, b.ids);
        this.importRunner = new ImportRunner(b.imports, cardStore, b.memberships, b.ledger, b.profiles, b.transactions,
                b.wechatImport, lookups, b.clock, b.importSettings, b.instanceName, b.importSenders, publisher);
        this.images = new CardImageService(b.wechatImages, lookups);
        this.payCards = new PayCardService(cardStore, b.wechatPayUpgrade, lookups, unitOfWork, b.clock, publisher);
        this.payMembers = new PayMemberService(b.wechatPayPhoneImport, b.wechatPayNotifications, b.wechatPayCallbacks,
                wechatEvents, b.inbox, lookups, unitOfWork, b.clock, importedPhones);
        this.payMemberships = new PayMembershipReader(b.wechatPayMemberCards, lookups);
        this.wechatPayMemberCards = b.wechatPayMemberCards;
        this.ledgerBatches = new LedgerBatchService(b.ledgerBatches, new LedgerBatchChunk(b.memberships, b.ledger,
                b.profiles, b.ledgerBatches, outboxWriter, publisher), b.transactions, unitOfWork, lookups, b.clock,
                b.ids);
        this.internals = new WiredParts(unitOfWork, lookups, outboxWriter, ledger, outbox, cards, b.clock,
                b.memberships, b.ledger, b.wechatMembers, publisher);
    }

    /**
     * The loyalty use cases (issue 17: levels, points rules, notices) on this application. Call it once, at wiring:
     * from then on every ledger entry is followed by the level check, and the dispatcher sends the loyalty tasks.
     */
    public LoyaltyServices loyalty(LoyaltyServices.LoyaltyDependencies dependencies) {
        return new LoyaltyServices(internals, dependencies);
    }

    public DraftCardUseCase draftCard() {
        return cards;
    }

    public EditCardUseCase editCard() {
        return cards;
    }

    public SubmitCardUseCase submitCard() {
        return cards;
    }

    public RecordReviewResultUseCase recordReviewResult() {
        return cards;
    }

    public SetTestWhitelistUseCase setTestWhitelist() {
        return cards;
    }

    public ConfigureActivationFormUseCase configureActivationForm() {
        return cards;
    }

    public DeleteCardUseCase deleteCard() {
        return cards;
    }

    public FindCardsQuery findCards() {
        return cards;
    }

    public DistributeCardUseCase distributeCard() {
        return distribution;
    }

    public RecordCardReceivedUseCase recordCardReceived() {
        return memberships;
    }

    public RecordMemberDeletedCardUseCase recordMemberDeletedCard() {
        return memberships;
    }

    public ActivateMembershipUseCase activateMembership() {
        return memberships;
    }

    public PullMemberInfoUseCase pullMemberInfo() {
        return memberships;
    }

    public InvalidateMembershipUseCase invalidateMembership() {
        return memberships;
    }

    public FindMembershipsQuery findMemberships() {
        return memberships;
    }

    public ChangeLedgerUseCase changeLedger() {
        return ledger;
    }

    /** Changes in bulk from the merchant's CRM or ERP (issue 15 item 4). */
    public ApplyLedgerBatchUseCase applyLedgerBatch() {
        return ledgerBatches;
    }

    public ReconcileCardUseCase reconcileCard() {
        return reconciler;
    }

    public StockAlertsQuery stockAlerts() {
        return wechatEvents;
    }

    public HandleWechatEventUseCase handleWechatEvent() {
        return wechatEvents;
    }

    public AcceptWechatPushUseCase acceptWechatPush() {
        return pushes;
    }

    /** The loop every instance runs to apply the pushes {@link #acceptWechatPush()} kept. */
    public ApplyWechatPushesUseCase applyWechatPushes() {
        return pushInbox;
    }

    public DispatchOutboxUseCase dispatchOutbox() {
        return outbox;
    }

    public ManageDeadLettersUseCase manageDeadLetters() {
        return deadLetters;
    }

    public ManageTenantsUseCase manageTenants() {
        return tenants;
    }

    public AuthenticateApiKeyQuery authenticateApiKey() {
        return tenants;
    }

    public ImportMembersUseCase importMembers() {
        return imports;
    }

    public RunImportsUseCase runImports() {
        return importRunner;
    }

    public UploadCardImageUseCase uploadCardImage() {
        return images;
    }

    public UpgradeCardForWechatPayUseCase upgradeCardForWechatPay() {
        return payCards;
    }

    public ImportMemberByPhoneUseCase importMemberByPhone() {
        return payMembers;
    }

    /** What WeChat Pay holds for a membership of an upgraded card, beside the ledger (issue 20). */
    public ReadWechatPayMembershipQuery readWechatPayMembership() {
        return payMemberships;
    }

    public AcceptWechatPayNotificationUseCase acceptWechatPayNotification() {
        return payMembers;
    }

    public FindMembersQuery findMembers() {
        return events.members;
    }

    public ReadChangeFeedQuery changeFeed() {
        return events.relay;
    }

    /** For embedding teams: every event, after commit (the loop {@link #relayEvents()} runs tells them). */
    public ListenToEventsUseCase listenToEvents() {
        return events.relay;
    }

    /** The loops every instance runs to place events, post webhooks and tell listeners. */
    public RelayEventsUseCase relayEvents() {
        return events.relay;
    }

    public ManageWebhooksUseCase manageWebhooks() {
        return events.webhooks;
    }
}
