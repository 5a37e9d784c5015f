package io.wxcard.adapter.wechat;

import java.util.List;

/** Requests and answers of {@link OaEngagementApi}, as WeChat spells them (snake_case by {@link WechatJson}). */
final class EngagementJson {

    private EngagementJson() {}

    record Tag(Long id, String name, Long count) {}

    /** {@code {"tag":{...}}}: the body of tags/create, update and delete. */
    record TagEnvelope(Tag tag) {}

    record TagAnswer(Long errcode, String errmsg, Tag tag) implements WechatJson.Answer {}

    record TagsAnswer(Long errcode, String errmsg, List<Tag> tags) implements WechatJson.Answer {}

    record TaggingRequest(List<String> openidList, Long tagid) {}

    record TagFansRequest(Long tagid, String nextOpenid) {}

    record OpenIds(List<String> openid) {}

    /** {@code user/tag/get}: {@code count} on this page, {@code data.openid}, and the last one as {@code next_openid}. */
    record TagFansAnswer(Long errcode, String errmsg, Long count, OpenIds data, String nextOpenid)
            implements WechatJson.Answer {}

    record CardRef(String cardId) {}

    record Filter(Boolean isToAll, Long tagId) {}

    /** A wxcard message: {@code touser} for a preview or a customer-service message, {@code filter} for a mass send. */
    record CardMessageRequest(String touser, Filter filter, CardRef wxcard, String msgtype) {
        static CardMessageRequest to(String openid, String cardId) {
            return new CardMessageRequest(openid, null, new CardRef(cardId), "wxcard");
        }

        static CardMessageRequest toTag(long tagId, String cardId) {
            return new CardMessageRequest(null, new Filter(false, tagId), new CardRef(cardId), "wxcard");
        }
    }

    record MassAnswer(Long errcode, String errmsg, Long msgId, Long msgDataId) implements WechatJson.Answer {}

    /** {@code card_id} for getcardmembercarddetail, {@code cond_source} for the account-wide calls. */
    record FiguresRequest(String beginDate, String endDate, Integer condSource, String cardId) {}

    /** One day; each call fills the fields it has (the others stay null, read as 0). */
    record Day(String refDate, Long viewCnt, Long viewUser, Long receiveCnt, Long receiveUser, Long verifyCnt,
               Long verifyUser, Long activeUser, Long totalUser, Long newUser, Long givenCnt, Long expireCnt) {}

    record FiguresAnswer(Long errcode, String errmsg, List<Day> list) implements WechatJson.Answer {}
}
