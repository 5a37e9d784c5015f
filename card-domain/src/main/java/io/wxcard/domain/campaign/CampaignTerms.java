package io.wxcard.domain.campaign;

import io.vavr.control.Option;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.shared.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a campaign offers and when, as the merchant set it.
 *
 * @param mchids     the WeChat Pay merchants whose payments count (pay-to-join: {@code mchid_list}; activities:
 *                   {@code mchid_list} of the pay activity setting)
 * @param leastCost  pay-to-join only: the smallest payment that counts ({@code least_cost}, fen)
 * @param maxCost    pay-to-join only: the largest ({@code max_cost}, fen)
 * @param payActivity WeChat Pay activities only (and required for them): gifts, logo and second title
 */
public record CampaignTerms(CampaignKind kind, String name, List<String> mchids, Instant begin, Instant end,
                            Option<Fen> leastCost, Option<Fen> maxCost, Option<PayActivityTerms> payActivity) {

    /** A pay-to-join rule's name is ours alone (WeChat keeps none): the product keeps 32. */
    public static final int MAX_NAME = 32;
    /** {@code activity_name} of a WeChat Pay activity: string(10), "不超过10个字符" (create-activity page). */
    public static final int MAX_ACTIVITY_NAME = 10;
    /** "活动有效期最长90天" (create-activity page): an activity runs at most 90 days. */
    public static final Duration MAX_ACTIVITY_LENGTH = Duration.ofDays(90);
    /** A WeChat Pay merchant number: digits (10 in every example). */
    private static final Pattern MCHID = Pattern.compile("[0-9]{6,32}");

    /** A pay-to-join rule's terms (no WeChat Pay activity settings). */
    public CampaignTerms(CampaignKind kind, String name, List<String> mchids, Instant begin, Instant end,
                         Option<Fen> leastCost, Option<Fen> maxCost) {
        this(kind, name, mchids, begin, end, leastCost, maxCost, Option.none());
    }

    public CampaignTerms {
        Objects.requireNonNull(kind, "kind");
        Text.requireText(name, "campaign name", kind.payActivity() ? MAX_ACTIVITY_NAME : MAX_NAME);
        mchids = List.copyOf(mchids);
        mchids.forEach(mchid -> {
            if (!MCHID.matcher(mchid).matches()) {
                throw new IllegalArgumentException("a mchid has 6 to 32 digits, got " + mchid);
            }
        });
        Objects.requireNonNull(begin, "begin");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(begin)) {
            throw new IllegalArgumentException("a campaign must end after it begins");
        }
        leastCost = leastCost == null ? Option.none() : leastCost;
        maxCost = maxCost == null ? Option.none() : maxCost;
        if (kind.byAmount()) {
            if (mchids.isEmpty()) {
                throw new IllegalArgumentException("a pay-to-join rule names at least one mchid");
            }
            if (leastCost.isEmpty() || maxCost.isEmpty()) {
                throw new IllegalArgumentException("a pay-to-join rule needs least_cost and max_cost (fen)");
            }
            if (leastCost.get().value() < 0 || maxCost.get().value() < leastCost.get().value()) {
                throw new IllegalArgumentException("least_cost must be 0 or more and max_cost at least least_cost");
            }
        } else if (leastCost.isDefined() || maxCost.isDefined()) {
            throw new IllegalArgumentException("only pay-to-join rules take an amount range");
        }
        payActivity = payActivity == null ? Option.none() : payActivity;
        if (kind.payActivity()) {
            if (payActivity.isEmpty()) {
                throw new IllegalArgumentException("a " + kind + " activity needs its gift coupons (stock_list), "
                        + "logo_url and activity_second_title");
            }
            if (Duration.between(begin, end).compareTo(MAX_ACTIVITY_LENGTH) > 0) {
                throw new IllegalArgumentException("a WeChat Pay activity runs at most 90 days, got "
                        + Duration.between(begin, end).toDays() + " days");
            }
            if (kind.afterPayment() && mchids.isEmpty()) {
                throw new IllegalArgumentException("a " + kind + " activity names at least one mchid whose payment "
                        + "page shows it (pay_activity_setting.mchid_list)");
            }
        } else if (payActivity.isDefined()) {
            throw new IllegalArgumentException("only WeChat Pay activities take gifts, logo_url and "
                    + "activity_second_title");
        }
    }

    /** Whether both would apply to one payment: same time, a merchant in common, amounts that meet. */
    public boolean overlaps(CampaignTerms other) {
        if (kind.byAmount() != other.kind.byAmount()) {
            return false;
        }
        boolean sameTime = begin.isBefore(other.end) && other.begin.isBefore(end);
        if (!kind.byAmount()) {
            return sameTime && kind == other.kind;
        }
        boolean sharedMerchant = mchids.stream().anyMatch(other.mchids::contains);
        boolean amountsMeet = leastCost.get().value() <= other.maxCost.get().value()
                && other.leastCost.get().value() <= maxCost.get().value();
        return sameTime && sharedMerchant && amountsMeet;
    }
}
