package io.wxcard.domain.campaign;

import io.wxcard.domain.shared.Text;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a WeChat Pay member-card activity needs beyond a name, merchants and dates (FIDELITY.md section 27): the gift
 * coupons ({@code stock_list}), and for the payment-success page the merchant's logo ({@code
 * pay_activity_setting.logo_url}) and a second title ({@code activity_second_title}).
 *
 * @param gifts       the coupon batches (商家券 stocks) a member is given: at least one, at most {@link #MAX_GIFTS}
 * @param logoUrl     an https URL of at most {@link #MAX_LOGO_URL} characters (WeChat Pay's image upload gives one)
 * @param secondTitle what the payment-success page shows under the name, at most {@link #MAX_SECOND_TITLE}
 */
public record PayActivityTerms(List<GiftStock> gifts, String logoUrl, String secondTitle) {

    /** {@code merchant_logo_url} of WeChat Pay's sister 支付有礼 API is string[10,128]; taken for this one (inferred). */
    public static final int MAX_LOGO_URL = 128;
    /** {@code activity_second_title} of the sister API is string[1,9] (inferred for member-card activities). */
    public static final int MAX_SECOND_TITLE = 9;
    /** Not documented: the product keeps at most 5 (the sister API's gift packs hold 3 to 5). */
    public static final int MAX_GIFTS = 5;

    /** One coupon batch: the merchant that created it ({@code stock_creator_mchid}) and its {@code stock_id}. */
    public record GiftStock(String creatorMchid, String stockId) {
        private static final Pattern DIGITS = Pattern.compile("[0-9]{6,32}");

        public GiftStock {
            if (creatorMchid == null || !DIGITS.matcher(creatorMchid).matches()) {
                throw new IllegalArgumentException("a gift's stock_creator_mchid has 6 to 32 digits, got "
                        + creatorMchid);
            }
            Text.requireIdentifier(stockId, "a gift's stock_id", 32);
        }

        /** As the CLI and REST write it: {@code mchid:stock_id}. */
        public static GiftStock parse(String text) {
            int colon = text == null ? -1 : text.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("a gift is written stock_creator_mchid:stock_id, got " + text);
            }
            return new GiftStock(text.substring(0, colon), text.substring(colon + 1));
        }

        @Override
        public String toString() {
            return creatorMchid + ":" + stockId;
        }
    }

    public PayActivityTerms {
        gifts = List.copyOf(Objects.requireNonNull(gifts, "gifts"));
        if (gifts.isEmpty() || gifts.size() > MAX_GIFTS) {
            throw new IllegalArgumentException("a WeChat Pay activity gives 1 to " + MAX_GIFTS
                    + " coupon batches (stock_list), got " + gifts.size());
        }
        if (gifts.stream().distinct().count() != gifts.size()) {
            throw new IllegalArgumentException("a coupon batch is named twice in stock_list");
        }
        Text.requireText(logoUrl, "logo_url", MAX_LOGO_URL);
        if (!logoUrl.startsWith("https://") || logoUrl.length() < 10 || logoUrl.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("logo_url is an https URL without spaces (WeChat Pay's image upload "
                    + "gives one), got " + (logoUrl.length() > 40 ? logoUrl.substring(0, 40) + "…" : logoUrl));
        }
        Text.requireText(secondTitle, "activity_second_title", MAX_SECOND_TITLE);
    }
}
