package io.wxcard.adapter.wechat;

import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.SharedTokenStore;
import io.wxcard.application.port.out.store.SharedTokenStore.TokenKey;
import io.wxcard.application.port.out.wechat.WechatCardCatalog;
import io.wxcard.application.port.out.wechat.WechatCardDistribution;
import io.wxcard.application.port.out.wechat.WechatCardImages;
import io.wxcard.application.port.out.wechat.WechatCardMessages;
import io.wxcard.application.port.out.wechat.WechatCardStatistics;
import io.wxcard.application.port.out.wechat.WechatUserTags;
import io.wxcard.application.port.out.wechat.WechatCampaigns;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.application.port.out.wechat.WechatMemberImport;
import io.wxcard.application.port.out.wechat.WechatPayCallbacks;
import io.wxcard.application.port.out.wechat.WechatPayMemberCards;
import io.wxcard.application.port.out.wechat.WechatPayCardUpgrade;
import io.wxcard.application.port.out.wechat.WechatPayNotificationReader;
import io.wxcard.application.port.out.wechat.WechatPayPhoneImport;
import io.wxcard.application.port.out.wechat.WechatTemplateMessages;
import io.wxcard.application.port.out.wechat.push.WechatPushDecoder;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.CardServicesBuilder;
import java.net.http.HttpClient;
import java.util.Objects;

/**
 * The WeChat side of the platform: the five outgoing WeChat ports over Feign, and the push decoder. One instance per
 * process; instances share access tokens and card tickets through the {@link SharedTokenStore}.
 */
public final class WechatAdapter {

    private final WechatCardCatalog catalog;
    private final WechatCardDistribution distribution;
    private final WechatMemberCards members;
    private final WechatCampaigns campaigns;
    private final WechatMemberImport memberImport;
    private final WechatPayCardUpgrade payCardUpgrade;
    private final WechatPayPhoneImport payPhoneImport;
    private final WechatPayCallbacks payCallbacks;
    private final WechatPayMemberCards payMemberCards;
    private final WechatPayNotificationReader payNotifications;
    private final WechatCardImages images;
    private final WechatPushDecoder pushDecoder;
    private final FeignEngagement engagement;
    private final WechatTemplateMessages templateMessages;

    private WechatAdapter(WechatSettings settings, SharedTokenStore tokens, Clock clock, WechatThreads threads) {
        HttpClient http = WechatHttp.httpClient(settings, threads.http());
        Retries retries = new Retries(settings);
        TokenApi tokenApi = WechatHttp.officialAccount(TokenApi.class, settings, http, retries, null);
        CredentialCache accessTokens = new CredentialCache(TokenKey.Kind.ACCESS_TOKEN, tokens, clock, settings,
                TokenFetchers.accessToken(tokenApi, settings.useStableToken(), clock));
        OaClients calls = new OaClients(settings, http, threads.calls(), retries, accessTokens);
        CredentialCache cardTickets = new CredentialCache(TokenKey.Kind.CARD_TICKET, tokens, clock, settings,
                TokenFetchers.cardTicket(calls));
        this.catalog = new FeignCardCatalog(calls);
        this.distribution = new FeignCardDistribution(calls, cardTickets, settings.callDeadline(), clock);
        this.members = new FeignMemberCards(calls);
        this.images = new FeignCardImages(calls);
        this.engagement = new FeignEngagement(calls);
        this.templateMessages = new FeignTemplateMessages(calls);
        PayApi payApi = WechatHttp.pay(settings, http);
        PayClient payClient = new PayClient(retries, clock, settings);
        PlatformKeys platformKeys = new PlatformKeys(payApi, payClient, clock);
        PayCalls payCalls = new PayCalls(payClient, platformKeys);
        this.campaigns = new FeignCampaigns(calls, new PayActivities(payApi, payCalls));
        this.memberImport = new PayMemberImport(payApi, payCalls);
        this.payCardUpgrade = new PayCardUpgrade(payApi, payCalls);
        this.payPhoneImport = new PayPhoneImport(payApi, payCalls);
        this.payCallbacks = new PayCallbacks(payApi, payCalls);
        this.payMemberCards = new PayMemberCards(payApi, payCalls);
        this.payNotifications = new PayNotificationReader(clock, payClient, platformKeys);
        this.pushDecoder = new PushDecoder(settings);
    }

    /** On threads of the adapter's own ({@link WechatThreads#daemons()}): for tests and tools. */
    public static WechatAdapter create(WechatSettings settings, SharedTokenStore tokens, Clock clock) {
        return create(settings, tokens, clock, WechatThreads.daemons());
    }

    /** On the caller's threads: a running service gives them from the one owner of its threads. */
    public static WechatAdapter create(WechatSettings settings, SharedTokenStore tokens, Clock clock,
                                       WechatThreads threads) {
        return new WechatAdapter(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(tokens, "tokens"),
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(threads, "threads"));
    }

    /** Template messages to members (issue 17 item 3). */
    public WechatTemplateMessages templateMessages() {
        return templateMessages;
    }

    /** Every WeChat port {@link CardServices} needs, given to its builder. */
    public CardServicesBuilder portsOf(CardServicesBuilder application) {
        return application.wechatCatalog(catalog).wechatDistribution(distribution).wechatMembers(members)
                .wechatImport(memberImport).wechatImages(images).pushDecoder(pushDecoder)
                .wechatPayUpgrade(payCardUpgrade).wechatPayPhoneImport(payPhoneImport)
                .wechatPayNotifications(payNotifications).wechatPayCallbacks(payCallbacks)
                .wechatPayMemberCards(payMemberCards);
    }

    public WechatCardCatalog catalog() {
        return catalog;
    }

    public WechatCardDistribution distribution() {
        return distribution;
    }

    public WechatMemberCards members() {
        return members;
    }

    /** Pay-to-join rules (issue 20); WeChat Pay's member-card activities are not connected yet. */
    public WechatCampaigns campaigns() {
        return campaigns;
    }

    public WechatMemberImport memberImport() {
        return memberImport;
    }

    public WechatPayCardUpgrade payCardUpgrade() {
        return payCardUpgrade;
    }

    public WechatPayPhoneImport payPhoneImport() {
        return payPhoneImport;
    }

    public WechatPayCallbacks payCallbacks() {
        return payCallbacks;
    }

    /** A member's card through WeChat Pay (membercard-open), which upgraded cards need. */
    public WechatPayMemberCards payMemberCards() {
        return payMemberCards;
    }

    public WechatPayNotificationReader payNotifications() {
        return payNotifications;
    }

    public WechatCardImages images() {
        return images;
    }

    /** The account's user tags (issue 17). */
    public WechatUserTags userTags() {
        return engagement;
    }

    /** The card sent as a message: previews, mass sends by tag, customer-service messages (issue 17). */
    public WechatCardMessages cardMessages() {
        return engagement;
    }

    /** WeChat's card statistics (datacube, issue 17). */
    public WechatCardStatistics cardStatistics() {
        return engagement;
    }

    public WechatPushDecoder pushDecoder() {
        return pushDecoder;
    }
}
