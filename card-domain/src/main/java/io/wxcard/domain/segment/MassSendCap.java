package io.wxcard.domain.segment;

import io.vavr.control.Either;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * WeChat's monthly cap on mass messages: a service account's follower receives at most {@link #SERVICE_ACCOUNT} mass
 * messages a calendar month ("用户每月只能接收4条群发消息，多于4条的群发将对该用户发送失败"), counted on WeChat's
 * (Beijing) calendar. Every member of a segment received each mass send WeChat took for its tag, so once a segment had
 * that many this month a further send would reach none of the members who were in all of them: it is refused before
 * WeChat is called. Members who joined the segment since may still have room; the product does not count per member.
 *
 * @param perMonth mass messages one member may receive in a calendar month
 */
public record MassSendCap(int perMonth) {

    /** 服务号: 4 a member a natural month (WeChat's mass-send page). */
    public static final MassSendCap SERVICE_ACCOUNT = new MassSendCap(4);
    /** WeChat's dates are Beijing dates. */
    public static final ZoneId WECHAT_ZONE = ZoneId.of("Asia/Shanghai");

    public MassSendCap {
        if (perMonth < 1) {
            throw new IllegalArgumentException("a monthly mass-send cap is at least 1, was " + perMonth);
        }
    }

    /** The mass sends of {@code segmentId} WeChat took in the Beijing month of {@code now}. */
    public long sentThisMonth(List<CardMessage> earlier, SegmentId segmentId, Instant now) {
        YearMonth month = YearMonth.from(now.atZone(WECHAT_ZONE));
        return earlier.stream()
                .filter(message -> message.kind() == CardMessage.Kind.MASS && message.delivered())
                .filter(message -> message.segmentId().contains(segmentId))
                .filter(message -> YearMonth.from(message.sentAt().atZone(WECHAT_ZONE)).equals(month))
                .count();
    }

    /** The room left for one more mass send to the segment this month, or the rejection naming when it comes back. */
    public Either<Rejection, Long> allows(List<CardMessage> earlier, SegmentId segmentId, Instant now) {
        long sent = sentThisMonth(earlier, segmentId, now);
        if (sent < perMonth) {
            return Either.right(perMonth - sent);
        }
        YearMonth next = YearMonth.from(now.atZone(WECHAT_ZONE)).plusMonths(1);
        return Either.left(Rejection.of(RejectionCode.MASS_SEND_MONTHLY_CAP_REACHED, "segment " + segmentId
                + " had " + sent + " mass sends this month (Beijing time): WeChat delivers at most " + perMonth
                + " a member a month, so another would reach none of them; send again from " + next.atDay(1)));
    }
}
