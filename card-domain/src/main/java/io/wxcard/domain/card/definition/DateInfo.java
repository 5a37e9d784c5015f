package io.wxcard.domain.card.definition;

import io.vavr.control.Option;

/**
 * WeChat's {@code date_info}: how long a member's card stays valid.
 *
 * @param type            {@code DATE_TYPE_PERMANENT}, {@code DATE_TYPE_FIX_TIME_RANGE} (with begin and end, seconds
 *                        since the epoch) or {@code DATE_TYPE_FIX_TERM} (valid {@code fixedTerm} days, starting
 *                        {@code fixedBeginTerm} days after receipt)
 */
public record DateInfo(
        String type,
        Option<Long> beginTimestamp,
        Option<Long> endTimestamp,
        Option<Integer> fixedTerm,
        Option<Integer> fixedBeginTerm) {

    public static final String PERMANENT = "DATE_TYPE_PERMANENT";
    public static final String FIX_TIME_RANGE = "DATE_TYPE_FIX_TIME_RANGE";
    public static final String FIX_TERM = "DATE_TYPE_FIX_TERM";

    public DateInfo {
        beginTimestamp = MemberCardDefinition.orNone(beginTimestamp);
        endTimestamp = MemberCardDefinition.orNone(endTimestamp);
        fixedTerm = MemberCardDefinition.orNone(fixedTerm);
        fixedBeginTerm = MemberCardDefinition.orNone(fixedBeginTerm);
    }

    public static DateInfo permanent() {
        return new DateInfo(PERMANENT, Option.none(), Option.none(), Option.none(), Option.none());
    }
}
