package io.wxcard.application.service;

import io.wxcard.application.port.in.AcceptWechatPushUseCase;
import io.wxcard.application.port.in.ActivateMembershipUseCase;
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
import io.wxcard.application.port.in.ListenToEventsUseCase;
import io.wxcard.application.port.in.ManageWebhooksUseCase;
import io.wxcard.application.port.in.ReadChangeFeedQuery;
import io.wxcard.application.port.in.RelayEventsUseCase;
import io.wxcard.application.port.out.events.WebhookSender;
import io.wxcard.application.port.out.store.EventStore;
import io.wxcard.application.port.out.store.MemberProfileStore;
import io.wxcard.application.port.out.store.WebhookStore;
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
import io.wxcard.application.port.in.UploadCardImageUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.application.port.out.wechat.WechatCardCatalog;
import io.wxcard.application.port.out.wechat.WechatCardDistribution;
import io.wxcard.application.port.out.wechat.WechatCardImages;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.application.port.out.wechat.WechatMemberImport;
import io.wxcard.application.port.out.wechat.push.WechatPushDecoder;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * The application, wired: give it an implementation of every outgoing port and take the use cases. This is how
 * bootstrap builds the product and how other teams embed it; nothing else in this package is public.
 */
public final class CardServices {

    /**
     * Everything the application needs from outside.
     *
     * @param inbox          the pushes kept to be applied, and the keys of pushes already seen
     * @param dispatcherName this instance's name in outbox and inbox claims (unique per running instance)
     * @param importSenders  where import rows are sent side by side: the caller owns its threads (no service makes
     *                       any) and gives it at least {@link ImportSettings#concurrency()}
     * @param wechatImages   where card logos and backgrounds are uploaded ({@code media/uploadimg})
     */
    public record Dependencies(CardStore cards, MembershipStore memberships, LedgerStore ledger, TenantStore tenants,
                               OutboxStore outbox, InboxStore inbox, TransactionBoundary transactions,
                               WechatCardCatalog wechatCatalog, WechatCardDistribution wechatDistribution,
                               WechatMemberCards wechatMembers, WechatMemberImport wechatImport,
                               WechatPushDecoder pushDecoder, Clock clock, IdGenerator ids, String dispatcherName,
                               ImportJobStore imports, ImportSettings importSettings, ExecutorService importSenders,
                               WechatCardImages wechatImages) {
        public Dependencies {
            Objects.requireNonNull(cards, "cards");
            Objects.requireNonNull(memberships, "memberships");
            Objects.requireNonNull(ledger, "ledger");
            Objects.requireNonNull(tenants, "tenants");
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(inbox, "inbox");
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(wechatCatalog, "WeChat catalog");
            Objects.requireNonNull(wechatDistribution, "WeChat distribution");
            Objects.requireNonNull(wechatMembers, "WeChat members");
            Objects.requireNonNull(wechatImport, "WeChat import");
            Objects.requireNonNull(pushDecoder, "push decoder");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(ids, "ids");
            Objects.requireNonNull(dispatcherName, "dispatcher name");
            Objects.requireNonNull(imports, "imports");
            Objects.requireNonNull(importSettings, "import settings");
            Objects.requireNonNull(importSenders, "import senders");
            Objects.requireNonNull(wechatImages, "WeChat card images");
        }
    }

    /**
     * What the events going out (issue 15) need: the events table and what reads it, the members' profiles, and the
     * webhooks with their sender.
     *
     * @param webhookSenders where webhook posts run side by side (the caller owns its threads)
     */
    public record EventDependencies(EventStore events, MemberProfileStore profiles, WebhookStore webhooks,
                                    WebhookSender webhookSender, EventSettings settings,
                                    ExecutorService webhookSenders) {
        public EventDependencies {
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(profiles, "profiles");
            Objects.requireNonNull(webhooks, "webhooks");
            Objects.requireNonNull(webhookSender, "webhook sender");
            Objects.requireNonNull(settings, "event settings");
            Objects.requireNonNull(webhookSenders, "webhook senders");
        }
    }

    private final CardService cards;
    private final DistributionService distribution;
    private final MembershipService memberships;
    private final LedgerService ledger;
    private final WechatEventService events;
    private final CardReconciler reconciler;
    private final WechatPushService pushes;
    private final PushInboxApplier pushInbox;
    private final OutboxDispatcher outbox;
    private final TenantService tenants;
    private final ImportService imports;
    private final ImportRunner importRunner;
    private final MemberDirectoryService members;
    private final EventRelay eventRelay;
    private final WebhookService webhooks;
    private final CardImageService images;
    /** What the loyalty services are wired from ({@link #loyalty}). */
    private final WiredParts internals;

    public CardServices(Dependencies d, EventDependencies e) {
        UnitOfWork unitOfWork = new UnitOfWork(d.transactions());
        RecentTenants tenantStore = new RecentTenants(d.tenants());
        RecentCards cardStore = new RecentCards(d.cards()); // every save through it forgets the card
        Lookups lookups = new Lookups(tenantStore, cardStore, d.memberships());
        OutboxWriter outboxWriter = new OutboxWriter(d.outbox(), d.ids(), d.clock());
        EventPublisher publisher = new EventPublisher(e.events(), d.ids(), d.clock());
        this.cards = new CardService(cardStore, outboxWriter, d.wechatCatalog(), d.wechatDistribution(),
                d.wechatMembers(), lookups, unitOfWork, d.clock(), d.ids(), publisher);
        this.distribution = new DistributionService(d.wechatDistribution(), lookups);
        this.memberships = new MembershipService(cardStore, d.memberships(), d.ledger(), outboxWriter, d.wechatMembers(),
                lookups, unitOfWork, d.clock(), publisher, e.profiles());
        this.ledger = new LedgerService(d.memberships(), d.ledger(), outboxWriter, lookups, unitOfWork, d.clock(),
                publisher);
        TotalsReconciler totals = new TotalsReconciler(d.ledger(), d.outbox(), outboxWriter, ledger, d.wechatMembers(),
                lookups, unitOfWork);
        GiftingService gifting = new GiftingService(d.memberships(), ledger, totals, lookups, unitOfWork, d.clock());
        this.events = new WechatEventService(cards, memberships, totals, gifting);
        this.reconciler = new CardReconciler(tenantStore, d.cards(), d.memberships(), d.wechatMembers(), totals, outboxWriter, lookups,
                unitOfWork, d.clock(), publisher);
        this.pushes = new WechatPushService(tenantStore, d.inbox(), d.transactions(), d.pushDecoder(), d.clock(), d.ids());
        this.pushInbox = new PushInboxApplier(d.inbox(), tenantStore, d.transactions(), d.pushDecoder(), events,
                d.clock(), d.dispatcherName());
        this.outbox = new OutboxDispatcher(d.outbox(), d.memberships(), d.ledger(), d.wechatCatalog(), d.wechatMembers(),
                memberships, totals, lookups, d.clock(), d.dispatcherName());
        this.tenants = new TenantService(d.tenants(), tenantStore, d.clock(), d.ids());
        this.imports = new ImportService(d.imports(), d.transactions(), lookups, d.clock(), d.ids());
        this.importRunner = new ImportRunner(d.imports(), cardStore, d.memberships(), d.ledger(), d.transactions(),
                d.wechatImport(), lookups, d.clock(), d.importSettings(), d.dispatcherName(), d.importSenders(), publisher);
        this.images = new CardImageService(d.wechatImages(), lookups);
        this.members = new MemberDirectoryService(e.profiles(), lookups);
        this.eventRelay = new EventRelay(e.events(), e.webhooks(), new WebhookDispatcher(e.webhooks(), e.webhookSender(),
                d.clock(), e.settings(), d.dispatcherName(), e.webhookSenders()), d.clock(), e.settings());
        this.webhooks = new WebhookService(e.webhooks(), new WebhookUrlPolicy(e.settings().allowHttpToLoopback()),
                lookups, d.ids(), d.clock());
        this.internals = new WiredParts(unitOfWork, lookups, outboxWriter, ledger, outbox, cards, d);
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

    public ReconcileCardUseCase reconcileCard() {
        return reconciler;
    }

    public StockAlertsQuery stockAlerts() {
        return events;
    }

    public HandleWechatEventUseCase handleWechatEvent() {
        return events;
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
        return outbox;
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

    public FindMembersQuery findMembers() {
        return members;
    }

    public ReadChangeFeedQuery changeFeed() {
        return eventRelay;
    }

    /** For embedding teams: every event, after commit (the loop {@link #relayEvents()} runs tells them). */
    public ListenToEventsUseCase listenToEvents() {
        return eventRelay;
    }

    /** The loops every instance runs to place events, post webhooks and tell listeners. */
    public RelayEventsUseCase relayEvents() {
        return eventRelay;
    }

    public ManageWebhooksUseCase manageWebhooks() {
        return webhooks;
    }
}
