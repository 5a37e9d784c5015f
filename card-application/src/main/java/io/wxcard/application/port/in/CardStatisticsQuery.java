package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.statistics.OurFigures;
import io.wxcard.domain.statistics.StatisticsRange;
import io.wxcard.domain.statistics.WechatDailyFigures;
import io.wxcard.domain.tenant.TenantId;
import java.time.LocalDate;
import java.util.List;

/** A card's statistics over days: WeChat's (as pulled) beside our own, and where the two disagree. */
public interface CardStatisticsQuery {

    /** Refused (STATISTICS_RANGE_INVALID) for a range WeChat's statistics would refuse. */
    Either<Failure, CardStatistics> statistics(TenantId tenantId, CardId cardId, LocalDate from, LocalDate to);

    /**
     * @param wechat       WeChat's days of this card, as pulled (a day not pulled yet is missing)
     * @param disagreements the days pulled on which WeChat's receipts ({@code receive_cnt}) or activations
     *                     ({@code active_user}) are not ours
     */
    record CardStatistics(StatisticsRange range, OurFigures ours, List<WechatDailyFigures> wechat,
                          List<Disagreement> disagreements) {}

    record Disagreement(LocalDate day, String figure, long wechat, long ours) {}
}
