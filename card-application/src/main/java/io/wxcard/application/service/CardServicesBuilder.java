package io.wxcard.application.service;

import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.events.WebhookSender;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.EventStore;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.LedgerBatchStore;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MemberProfileStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.PhoneImportStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.application.port.out.store.WebhookStore;
import io.wxcard.application.port.out.wechat.WechatCardCatalog;
import io.wxcard.application.port.out.wechat.WechatCardDistribution;
import io.wxcard.application.port.out.wechat.WechatCardImages;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.application.port.out.wechat.WechatMemberImport;
import io.wxcard.application.port.out.wechat.WechatPayCallbacks;
import io.wxcard.application.port.out.wechat.WechatPayCardUpgrade;
import io.wxcard.application.port.out.wechat.WechatPayNotificationReader;
import io.wxcard.application.port.out.wechat.WechatPayMemberCards;
import io.wxcard.application.port.out.wechat.WechatPayPhoneImport;
import io.wxcard.application.port.out.wechat.push.WechatPushDecoder;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;

/**
 * Everything the application needs from outside, given by name: {@code CardServices.builder().cards(…)…build()}.
 * Every port is required; {@link #build()} names the first one missing. A test or a second instance on the same
 * stores starts from a filled builder and replaces what differs.
 */
public final class CardServicesBuilder {

    CardStore cards;
    MembershipStore memberships;
    LedgerStore ledger;
    TenantStore tenants;
    OutboxStore outbox;
    InboxStore inbox;
    ImportJobStore imports;
    LedgerBatchStore ledgerBatches;
    TransactionBoundary transactions;
    WechatCardCatalog wechatCatalog;
    WechatCardDistribution wechatDistribution;
    WechatMemberCards wechatMembers;
    WechatMemberImport wechatImport;
    WechatCardImages wechatImages;
    WechatPushDecoder pushDecoder;
    WechatPayCardUpgrade wechatPayUpgrade;
    WechatPayPhoneImport wechatPayPhoneImport;
    WechatPayMemberCards wechatPayMemberCards;
    WechatPayNotificationReader wechatPayNotifications;
    WechatPayCallbacks wechatPayCallbacks;
    Clock clock;
    IdGenerator ids;
    String instanceName;
    ImportSettings importSettings;
    ExecutorService importSenders;
    EventStore events;
    MemberProfileStore profiles;
    PhoneImportStore phoneImports;
    WebhookStore webhooks;
    WebhookSender webhookSender;
    EventSettings eventSettings;
    ExecutorService webhookSenders;
    /** Optional (issue 17): without it a store's user_view_card is only noted. */
    io.vavr.control.Option<io.wxcard.application.port.out.store.StoreStore> stores = io.vavr.control.Option.none();

    CardServicesBuilder() {}

    /**
     * The tenants' stores (issue 17, optional): a member who holds the card and scans a store's code is recorded as a
     * visit of that store.
     */
    public CardServicesBuilder stores(io.wxcard.application.port.out.store.StoreStore stores) {
        this.stores = io.vavr.control.Option.of(Objects.requireNonNull(stores, "stores"));
        return this;
    }

    /** Gives a group of ports at once: an adapter's {@code portsOf}, say, or a test's changes to a filled builder. */
    public CardServicesBuilder with(UnaryOperator<CardServicesBuilder> ports) {
        return ports.apply(this);
    }

    public CardServicesBuilder cards(CardStore cards) { this.cards = cards; return this; }

    public CardServicesBuilder memberships(MembershipStore memberships) { this.memberships = memberships; return this; }

    public CardServicesBuilder ledger(LedgerStore ledger) { this.ledger = ledger; return this; }

    public CardServicesBuilder tenants(TenantStore tenants) { this.tenants = tenants; return this; }

    public CardServicesBuilder outbox(OutboxStore outbox) { this.outbox = outbox; return this; }

    /** The pushes kept to be applied, and the keys of pushes already seen. */
    public CardServicesBuilder inbox(InboxStore inbox) { this.inbox = inbox; return this; }

    public CardServicesBuilder imports(ImportJobStore imports) { this.imports = imports; return this; }

    /** Ledger batches' progress and failed lines (issue 15 item 4). */
    public CardServicesBuilder ledgerBatches(LedgerBatchStore ledgerBatches) { this.ledgerBatches = ledgerBatches; return this; }

    public CardServicesBuilder transactions(TransactionBoundary transactions) {
        this.transactions = transactions;
        return this;
    }

    public CardServicesBuilder wechatCatalog(WechatCardCatalog catalog) { this.wechatCatalog = catalog; return this; }

    public CardServicesBuilder wechatDistribution(WechatCardDistribution distribution) {
        this.wechatDistribution = distribution;
        return this;
    }

    public CardServicesBuilder wechatMembers(WechatMemberCards members) { this.wechatMembers = members; return this; }

    public CardServicesBuilder wechatImport(WechatMemberImport memberImport) {
        this.wechatImport = memberImport;
        return this;
    }

    /** Where card logos and backgrounds are uploaded ({@code media/uploadimg}). */
    public CardServicesBuilder wechatImages(WechatCardImages images) { this.wechatImages = images; return this; }

    public CardServicesBuilder pushDecoder(WechatPushDecoder decoder) { this.pushDecoder = decoder; return this; }

    /** WeChat Pay's card upgrade (membercard-open), which its member functions need first (issue 14 item 3). */
    public CardServicesBuilder wechatPayUpgrade(WechatPayCardUpgrade upgrade) {
        this.wechatPayUpgrade = upgrade;
        return this;
    }

    /** WeChat Pay's import of existing members by phone (issue 20 item 2). */
    public CardServicesBuilder wechatPayPhoneImport(WechatPayPhoneImport phoneImport) {
        this.wechatPayPhoneImport = phoneImport;
        return this;
    }

    /** A member's card through WeChat Pay, which an upgraded card's totals go through (issue 14 item 3). */
    public CardServicesBuilder wechatPayMemberCards(WechatPayMemberCards memberCards) {
        this.wechatPayMemberCards = memberCards;
        return this;
    }

    /** Reads WeChat Pay's MEMBERCARD notifications: verified, decrypted (issue 20 item 2). */
    public CardServicesBuilder wechatPayNotifications(WechatPayNotificationReader reader) {
        this.wechatPayNotifications = reader;
        return this;
    }

    /** Where WeChat Pay sends the MEMBERCARD notifications (issue 20 item 2). */
    public CardServicesBuilder wechatPayCallbacks(WechatPayCallbacks callbacks) {
        this.wechatPayCallbacks = callbacks;
        return this;
    }

    public CardServicesBuilder clock(Clock clock) { this.clock = clock; return this; }

    public CardServicesBuilder ids(IdGenerator ids) { this.ids = ids; return this; }

    /** This instance's name in outbox, inbox and webhook claims: unique per running instance. */
    public CardServicesBuilder instanceName(String name) { this.instanceName = name; return this; }

    public CardServicesBuilder importSettings(ImportSettings settings) { this.importSettings = settings; return this; }

    /**
     * Where import rows are sent side by side: the caller owns the threads (no service makes any) and gives at least
     * {@link ImportSettings#concurrency()}.
     */
    public CardServicesBuilder importSenders(ExecutorService senders) { this.importSenders = senders; return this; }

    /** The events table (issue 15), read by the change feed, the listeners and the webhooks. */
    public CardServicesBuilder events(EventStore events) { this.events = events; return this; }

    public CardServicesBuilder eventSettings(EventSettings settings) { this.eventSettings = settings; return this; }

    public CardServicesBuilder profiles(MemberProfileStore profiles) { this.profiles = profiles; return this; }

    /** Phones of members imported through WeChat Pay, kept until their membership appears (issue 20). */
    public CardServicesBuilder phoneImports(PhoneImportStore phoneImports) {
        this.phoneImports = phoneImports;
        return this;
    }

    public CardServicesBuilder webhooks(WebhookStore webhooks) { this.webhooks = webhooks; return this; }

    public CardServicesBuilder webhookSender(WebhookSender sender) { this.webhookSender = sender; return this; }

    /** Where webhook posts run side by side: the caller owns the threads. */
    public CardServicesBuilder webhookSenders(ExecutorService senders) { this.webhookSenders = senders; return this; }

    public CardServices build() {
        Objects.requireNonNull(cards, "cards");
        Objects.requireNonNull(memberships, "memberships");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(ledgerBatches, "ledger batches");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(wechatCatalog, "WeChat catalog");
        Objects.requireNonNull(wechatDistribution, "WeChat distribution");
        Objects.requireNonNull(wechatMembers, "WeChat members");
        Objects.requireNonNull(wechatImport, "WeChat import");
        Objects.requireNonNull(wechatImages, "WeChat card images");
        Objects.requireNonNull(pushDecoder, "push decoder");
        Objects.requireNonNull(wechatPayUpgrade, "WeChat Pay card upgrade");
        Objects.requireNonNull(wechatPayPhoneImport, "WeChat Pay phone import");
        Objects.requireNonNull(wechatPayNotifications, "WeChat Pay notifications");
        Objects.requireNonNull(wechatPayCallbacks, "WeChat Pay callbacks");
        Objects.requireNonNull(wechatPayMemberCards, "WeChat Pay member cards");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(instanceName, "instance name");
        Objects.requireNonNull(importSettings, "import settings");
        Objects.requireNonNull(importSenders, "import senders");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(eventSettings, "event settings");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(phoneImports, "phone imports");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(webhookSender, "webhook sender");
        Objects.requireNonNull(webhookSenders, "webhook senders");
        return new CardServices(this);
    }
}
