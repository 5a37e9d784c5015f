package io.wxcard.adapter.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxcard.application.port.in.CardStatisticsQuery.CardStatistics;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.statistics.OurFigures;
import io.wxcard.domain.statistics.WechatDailyFigures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the API shows of a card's statistics: per day, ours beside WeChat's, and where the two disagree. */
final class StatisticsResources {

    private StatisticsResources() {}

    @Schema(description = "A card's statistics over days (China time, both ends included): our own, counted from the "
            + "memberships, the ledger and the store visits, beside WeChat's as last pulled from its datacube "
            + "(datacube/getcardmembercarddetail), and the days on which the figures both sides count differ.")
    record CardStatisticsResource(
            String cardId,
            @Schema(description = "The first day, YYYY-MM-DD.") String from,
            @Schema(description = "The last day, YYYY-MM-DD.") String to,
            @Schema(description = "Our totals over the range.") OurTotalsResource totals,
            @Schema(description = "Every day of the range, in order.") List<DayResource> days,
            @Schema(description = "Our receipts and visits per channel (the receipt's outer_str; stores are channels "
                    + "too).") List<ChannelResource> channels,
            @Schema(description = "The days WeChat gave on which its receive_cnt or active_user is not ours.")
            List<DisagreementResource> disagreements) {}

    record OurTotalsResource(long newMembers, long activatedMembers, long activeMembers, long pointsIssued,
                             long pointsRedeemed, long balanceIn, long balanceOut, long storeVisits,
                             @Schema(description = "Points that expired under the card's points rule (not counted "
                                     + "as redeemed).") long pointsExpired) {}

    @Schema(description = "One day: ours always; WeChat's when that day has been pulled (absent otherwise).")
    record DayResource(String day, OurDayResource ours, WechatDayResource wechat) {}

    @Schema(description = "Our figures of one day; amounts of stored value in fen.")
    record OurDayResource(long newMembers, long activatedMembers, long activeMembers, long pointsIssued,
                          long pointsRedeemed, long balanceIn, long balanceOut, long pointsExpired) {}

    @Schema(description = "WeChat's figures of one day, under the names its datacube gives them.")
    record WechatDayResource(long viewCnt, long viewUser, long receiveCnt, long receiveUser, long verifyCnt,
                             long verifyUser, long activeUser, long totalUser, long newUser, long givenCnt,
                             long expireCnt) {}

    record ChannelResource(String channel, @Schema(description = "The store, when the channel is one.") String store,
                           long newMembers, long activatedMembers, long storeVisits) {}

    @Schema(description = "A figure both sides count that differs on a day: receive_cnt (our new members) or "
            + "active_user (our activations).")
    record DisagreementResource(String day, String figure, long wechat, long ours) {}

    static CardStatisticsResource of(CardId cardId, CardStatistics statistics) {
        OurFigures.Totals t = statistics.ours().totals();
        Map<LocalDate, WechatDailyFigures> wechat = statistics.wechat().stream()
                .collect(Collectors.toMap(WechatDailyFigures::day, Function.identity(), (first, later) -> later));
        List<DayResource> days = statistics.ours().days().stream().map(day -> new DayResource(day.day().toString(),
                new OurDayResource(day.newMembers(), day.activatedMembers(), day.activeMembers(), day.pointsIssued(),
                        day.pointsRedeemed(), day.balanceIn(), day.balanceOut(), day.pointsExpired()),
                wechat.containsKey(day.day()) ? wechatDay(wechat.get(day.day())) : null)).toList();
        List<ChannelResource> channels = statistics.ours().channels().entrySet().stream()
                .map(e -> new ChannelResource(e.getKey(), e.getValue().store().getOrNull(), e.getValue().newMembers(),
                        e.getValue().activatedMembers(), e.getValue().storeVisits())).toList();
        return new CardStatisticsResource(cardId.value(), statistics.range().from().toString(),
                statistics.range().to().toString(), new OurTotalsResource(t.newMembers(), t.activatedMembers(),
                        t.activeMembers(), t.pointsIssued(), t.pointsRedeemed(), t.balanceIn(), t.balanceOut(),
                        t.storeVisits(), t.pointsExpired()), days, channels,
                statistics.disagreements().stream().map(d -> new DisagreementResource(d.day().toString(), d.figure(),
                        d.wechat(), d.ours())).toList());
    }

    private static WechatDayResource wechatDay(WechatDailyFigures d) {
        return new WechatDayResource(d.viewCount(), d.viewUsers(), d.receiveCount(), d.receiveUsers(),
                d.verifyCount(), d.verifyUsers(), d.activeUsers(), d.totalUsers(), d.newUsers(), d.givenCount(),
                d.expireCount());
    }
}
