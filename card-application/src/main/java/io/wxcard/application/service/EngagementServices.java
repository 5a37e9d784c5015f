package io.wxcard.application.service;

import io.wxcard.application.port.in.CardStatisticsQuery;
import io.wxcard.application.port.in.ManageSegmentsUseCase;
import io.wxcard.application.port.in.ManageStoresUseCase;
import io.wxcard.application.port.in.PullCardStatisticsUseCase;
import io.wxcard.application.port.in.SendCardMessagesUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.MemberLevels;
import io.wxcard.application.port.out.store.CardStatisticsStore;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.SegmentStore;
import io.wxcard.application.port.out.store.StoreStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.wechat.WechatCardMessages;
import io.wxcard.application.port.out.wechat.WechatCardStatistics;
import io.wxcard.application.port.out.wechat.WechatUserTags;
import java.util.Objects;

/**
 * Issue 17's stores, segments, card messages and statistics, wired. Kept apart from {@link CardServices} so that an
 * embedding without them needs none of their ports; a store's QR code goes through {@code CardServices}'
 * distribution, so that the card's own rules on handing it out hold for it too.
 */
public final class EngagementServices {

    /** @param levels the members' levels, for segments on a level ({@link MemberLevels#NONE} where there are none) */
    public record Dependencies(CardServices cardServices, TenantStore tenants, CardStore cards,
                               MembershipStore memberships, StoreStore stores, SegmentStore segments,
                               CardStatisticsStore statistics, MemberLevels levels, WechatUserTags wechatTags,
                               WechatCardMessages wechatMessages, WechatCardStatistics wechatStatistics, Clock clock,
                               IdGenerator ids) {
        public Dependencies {
            Objects.requireNonNull(cardServices, "card services");
            Objects.requireNonNull(tenants, "tenants");
            Objects.requireNonNull(cards, "cards");
            Objects.requireNonNull(memberships, "memberships");
            Objects.requireNonNull(stores, "stores");
            Objects.requireNonNull(segments, "segments");
            Objects.requireNonNull(statistics, "statistics");
            Objects.requireNonNull(levels, "levels");
            Objects.requireNonNull(wechatTags, "WeChat tags");
            Objects.requireNonNull(wechatMessages, "WeChat messages");
            Objects.requireNonNull(wechatStatistics, "WeChat statistics");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(ids, "ids");
        }
    }

    private final StoreService stores;
    private final SegmentService segments;
    private final CardMessageService messages;
    private final StatisticsService statistics;

    public EngagementServices(Dependencies d) {
        Lookups lookups = new Lookups(new RecentTenants(d.tenants()), new RecentCards(d.cards()), d.memberships());
        this.stores = new StoreService(d.stores(), d.cardServices().distributeCard(), lookups, d.clock(), d.ids());
        this.segments = new SegmentService(d.segments(), d.stores(), d.statistics(), d.levels(), d.wechatTags(),
                lookups, d.clock(), d.ids());
        this.messages = new CardMessageService(d.segments(), d.wechatMessages(), lookups, d.clock(), d.ids());
        this.statistics = new StatisticsService(d.statistics(), d.stores(), d.tenants(), d.cards(),
                d.wechatStatistics(), lookups, d.clock());
    }

    public ManageStoresUseCase manageStores() {
        return stores;
    }

    public ManageSegmentsUseCase manageSegments() {
        return segments;
    }

    public SendCardMessagesUseCase sendCardMessages() {
        return messages;
    }

    public CardStatisticsQuery cardStatistics() {
        return statistics;
    }

    /** The daily loop's use case, and the CLI's. */
    public PullCardStatisticsUseCase pullCardStatistics() {
        return statistics;
    }
}
