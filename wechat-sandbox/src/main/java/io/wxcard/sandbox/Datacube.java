package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * WeChat's card statistics ({@code datacube/getcardbizuininfo}, {@code getcardmembercardinfo},
 * {@code getcardmembercarddetail}), counted from what the sandbox holds: receipts and activations of its
 * memberships, card views. Dates are Beijing dates; a range is at most 62 days (61501 "date range error"), dates
 * must be {@code yyyy-MM-dd} (61500 "date format error"); a day after today is refused (61501, inferred), today is
 * answered as counted so far (real WeChat reports a day once it is over; inferred).
 */
final class Datacube {
    static final int MAX_DAYS = 62;
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private record View(String appId, String cardId, String openid, long at) {}

    private final Cards cards;
    private final List<View> views = new ArrayList<>();

    Datacube(Cards cards) {
        this.cards = cards;
    }

    /** A member opened a card (user_view_card): counted in view_cnt / view_user. */
    synchronized void viewed(String appId, String cardId, String openid, long at) {
        views.add(new View(appId, cardId, openid, at));
    }

    private record Range(LocalDate from, LocalDate to) {}

    private Range range(ObjectNode body) {
        LocalDate from = date(Json.requiredText(body, "begin_date"));
        LocalDate to = date(Json.requiredText(body, "end_date"));
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochSecond(cards.now()), BEIJING);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS || to.isAfter(today)) {
            throw new WxException(61501, "date range error");
        }
        return new Range(from, to);
    }

    private static LocalDate date(String text) {
        try {
            if (text.length() != 10) {
                throw new DateTimeParseException("not yyyy-MM-dd", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new WxException(61500, "date format error");
        }
    }

    private static void condSource(ObjectNode body) {
        Long source = Json.integer(body, "cond_source");
        if (source == null) {
            throw WxException.missingField("cond_source");
        }
        if (source != 0 && source != 1) {
            throw WxException.invalidArgs("cond_source must be 0 (made on the platform) or 1 (made through the API)");
        }
    }

    private static LocalDate day(long epochSecond) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), BEIJING);
    }

    /** The figures of some cards on one day. */
    private synchronized ObjectNode figures(String appId, List<Card> of, LocalDate day) {
        long receiveCnt = 0;
        long activeUser = 0;
        long totalUser = 0;
        long verifyCnt = 0;
        Set<String> receivers = new HashSet<>();
        Set<String> cardIds = new HashSet<>();
        for (Card card : of) {
            cardIds.add(card.id);
            synchronized (card) {
                for (Membership member : card.members()) {
                    LocalDate received = day(member.receivedAt);
                    if (received.equals(day)) {
                        receiveCnt++;
                        receivers.add(member.openid);
                    }
                    if (member.activatedAt != null && day(member.activatedAt).equals(day)) {
                        activeUser++;
                    }
                    if (!received.isAfter(day) && !Membership.DELETE.equals(member.status)
                            && !Membership.UNAVAILABLE.equals(member.status)) {
                        totalUser++;
                    }
                    if (Membership.CONSUMED.equals(member.status) && received.equals(day)) {
                        verifyCnt++;
                    }
                }
            }
        }
        long viewCnt = 0;
        Set<String> viewers = new HashSet<>();
        for (View view : views) {
            if (view.appId().equals(appId) && cardIds.contains(view.cardId()) && day(view.at()).equals(day)) {
                viewCnt++;
                viewers.add(view.openid());
            }
        }
        return Json.object().put("ref_date", day.toString()).put("view_cnt", viewCnt).put("view_user", viewers.size())
                .put("receive_cnt", receiveCnt).put("receive_user", receivers.size()).put("verify_cnt", verifyCnt)
                .put("verify_user", verifyCnt).put("active_user", activeUser).put("total_user", totalUser)
                .put("new_user", receivers.size());
    }

    private ObjectNode days(String appId, List<Card> of, Range range, java.util.function.Consumer<ObjectNode> extra) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("list");
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            ObjectNode row = figures(appId, of, day);
            extra.accept(row);
            list.add(row);
        }
        return out;
    }

    /** {@code getcardmembercarddetail}: one card of the account. */
    ObjectNode memberCardDetail(String appId, ObjectNode body) {
        Card card = cards.of(appId, Json.requiredText(body, "card_id"));
        Range range = range(body);
        return days(appId, List.of(card), range, row -> row.put("merchanttype", 1).put("cardid", card.id)
                .put("submerchantid", 0));
    }

    /** {@code getcardmembercardinfo}: the account's member cards; all sandbox cards are made through the API. */
    ObjectNode memberCardInfo(String appId, ObjectNode body) {
        condSource(body);
        Range range = range(body);
        List<Card> of = Json.integer(body, "cond_source") == 1 ? cards.ofApp(appId) : List.of();
        return days(appId, of, range, row -> row.put("total_receive_user", row.path("total_user").asLong()));
    }

    /** {@code getcardbizuininfo}: every card of the account (the sandbox has member cards only). */
    ObjectNode bizuinInfo(String appId, ObjectNode body) {
        condSource(body);
        Range range = range(body);
        List<Card> of = Json.integer(body, "cond_source") == 1 ? cards.ofApp(appId) : List.of();
        return days(appId, of, range, row -> row.put("given_cnt", 0).put("given_user", 0).put("expire_cnt", 0)
                .put("expire_user", 0));
    }

    synchronized void clear() {
        views.clear();
    }
}
