package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.statistics.StatisticsRange;
import io.wxcard.domain.statistics.WechatDailyFigures;
import java.util.List;

/** WeChat's card statistics ({@code datacube}), one row a day; a range WeChat refuses answers 61500/61501. */
public interface WechatCardStatistics {

    /** {@code datacube/getcardmembercarddetail}: one member card. */
    Either<WechatError, List<WechatDailyFigures>> memberCard(WechatAccount account, WechatCardId cardId,
                                                             StatisticsRange range);

    /** {@code datacube/getcardmembercardinfo} with {@code cond_source=1}: the member cards made through the API. */
    Either<WechatError, List<WechatDailyFigures>> memberCards(WechatAccount account, StatisticsRange range);

    /** {@code datacube/getcardbizuininfo} with {@code cond_source=1}: every card and coupon made through the API. */
    Either<WechatError, List<WechatDailyFigures>> allCards(WechatAccount account, StatisticsRange range);
}
