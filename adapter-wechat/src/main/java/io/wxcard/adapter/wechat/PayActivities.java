package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.wxcard.adapter.wechat.WechatCallException.Repeat;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatCampaigns.WechatCampaignState;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.campaign.PayActivityTerms;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * WeChat Pay's member-card activities ({@code /v3/marketing/membercard-activity/activities}: create, get, list,
 * terminate; FIDELITY.md section 27) through the signed-call flow every WeChat Pay call takes ({@link PayCalls}).
 * Times go as RFC 3339 in Beijing time, as WeChat Pay's examples write them.
 */
final class PayActivities {
    static final String PATH = "/v3/marketing/membercard-activity/activities";
    /** Not documented for this list; the brand-member list's is 1 to 20, taken here. */
    static final int PAGE = 20;
    /** A card with more activities than this many pages is not listed whole (a bound, not WeChat's limit). */
    static final int MAX_PAGES = 50;
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneOffset.ofHours(8));
    private static final Method CREATE = PayClient.endpoint("createActivity");
    private static final Method LIST = PayClient.endpoint("activities");
    private static final Method GET = PayClient.endpoint("activity");
    private static final Method TERMINATE = PayClient.endpoint("terminateActivity");

    /** The create body, field for field (snake_case by {@link WechatJson}; absent fields left out). */
    record CreateBody(String cardId, String activityName, String activityType, String beginTime, String endTime,
                      List<Stock> stockList, String outRequestNo, PaySetting payActivitySetting) {}

    record Stock(String stockCreatorMchid, String stockId) {}

    record PaySetting(String logoUrl, String activitySecondTitle, List<String> mchidList) {}

    private final PayApi api;
    private final PayCalls calls;

    PayActivities(PayApi api, PayCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    Either<WechatError, String> create(MerchantCredentials merchant, WechatCardId cardId, CampaignTerms terms,
                                       String outRequestNo) {
        PayActivityTerms pay = terms.payActivity().get();
        CreateBody body = new CreateBody(cardId.value(), terms.name(), terms.kind().name(), time(terms.begin()),
                time(terms.end()), pay.gifts().stream().map(g -> new Stock(g.creatorMchid(), g.stockId())).toList(),
                outRequestNo, new PaySetting(pay.logoUrl(), pay.secondTitle(),
                        terms.mchids().isEmpty() ? null : terms.mchids()));
        return calls.call(merchant, CREATE, "POST", PATH, body,
                (m, authorization, serial, bytes) -> api.createActivity(authorization, serial, bytes),
                (m, raw) -> id(PayCalls.success(raw)));
    }

    Either<WechatError, WechatCampaignState> get(MerchantCredentials merchant, String activityId) {
        return calls.call(merchant, GET, "GET", PATH + "/" + activityId, null,
                (m, authorization, serial, bytes) -> api.activity(activityId, authorization, serial),
                (m, raw) -> state(PayCalls.success(raw)));
    }

    Either<WechatError, List<WechatCampaignState>> list(MerchantCredentials merchant, WechatCardId cardId) {
        return calls.call(merchant, LIST, "GET", query(0, cardId), null,
                (m, authorization, serial, bytes) -> api.activities(0, PAGE, cardId.value(), authorization, serial),
                (m, raw) -> {
                    List<WechatCampaignState> all = new ArrayList<>();
                    JsonNode page = PayCalls.success(raw);
                    for (int pages = 1; ; pages++) {
                        JsonNode data = page == null ? null : page.path("data");
                        if (data == null || !data.isArray() || data.isEmpty()) {
                            return all;
                        }
                        data.forEach(row -> all.add(state(row)));
                        if (all.size() >= page.path("total_count").asLong(0) || pages >= MAX_PAGES) {
                            return all;
                        }
                        int offset = all.size();
                        page = calls.within(m, LIST, "GET", query(offset, cardId), new byte[0],
                                (mm, authorization, serial, bytes) -> api.activities(offset, PAGE, cardId.value(),
                                        authorization, serial), (mm, next) -> PayCalls.success(next));
                    }
                });
    }

    /** Terminated, or (a repeat after a lost answer) found terminated already. */
    Either<WechatError, Done> terminate(MerchantCredentials merchant, String activityId) {
        Either<WechatError, Done> asked = calls.call(merchant, TERMINATE, "POST", PATH + "/" + activityId
                        + "/terminate", null,
                (m, authorization, serial, bytes) -> api.terminateActivity(activityId, authorization, serial),
                (m, raw) -> {
                    PayCalls.success(raw);
                    return Done.DONE;
                });
        if (asked.isRight() || asked.getLeft().kind() != WechatError.Kind.CLIENT_ERROR) {
            return asked;
        }
        return get(merchant, activityId).flatMap(state -> "TERMINATED".equals(state.state())
                ? Either.right(Done.DONE) : Either.left(asked.getLeft()));
    }

    private static String query(int offset, WechatCardId cardId) {
        return PATH + "?offset=" + offset + "&limit=" + PAGE + "&card_id=" + cardId.value();
    }

    private static String time(Instant instant) {
        return RFC3339.format(instant);
    }

    private static String id(JsonNode answer) {
        String id = PayClient.text(answer, "activity_id");
        if (id == null) {
            throw new WechatCallException(Answers.missing("activity_id"), Repeat.MAYBE_APPLIED);
        }
        return id;
    }

    private static WechatCampaignState state(JsonNode answer) {
        String status = PayClient.text(answer, "activity_status");
        if (status == null) {
            throw new WechatCallException(Answers.missing("activity_status"), Repeat.NEVER);
        }
        return new WechatCampaignState(id(answer), status, status.equals("TERMINATED") || status.equals("OVER_TIME"));
    }
}
