package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Requests and answers of the Official Account API (wechat-api.md, sections 2-4), as WeChat spells them. Answers
 * tolerate what WeChat really sends: unknown fields are ignored, lists may be missing (read as empty by the callers),
 * statuses are kept as text. Records that carry a token, a ticket or a secret print them redacted.
 */
final class OaJson {

    private OaJson() {}

    private static String redacted(String value) {
        return value == null ? "null" : "[redacted]";
    }

    // ---- credentials ------------------------------------------------------------------------------------------

    record TokenAnswer(Long errcode, String errmsg, String accessToken, Long expiresIn) implements WechatJson.Answer {
        @Override
        public String toString() {
            return "TokenAnswer[errcode=" + errcode + ", errmsg=" + errmsg + ", accessToken="
                    + redacted(accessToken) + ", expiresIn=" + expiresIn + "]";
        }
    }

    record StableTokenRequest(String grantType, String appid, String secret, Boolean forceRefresh) {
        @Override
        public String toString() {
            return "StableTokenRequest[appid=" + appid + ", secret=" + redacted(secret) + ", forceRefresh="
                    + forceRefresh + "]";
        }
    }

    record TicketAnswer(Long errcode, String errmsg, String ticket, Long expiresIn) implements WechatJson.Answer {
        @Override
        public String toString() {
            return "TicketAnswer[errcode=" + errcode + ", errmsg=" + errmsg + ", ticket=" + redacted(ticket)
                    + ", expiresIn=" + expiresIn + "]";
        }
    }

    /** An answer with nothing but errcode and errmsg. */
    record Plain(Long errcode, String errmsg) implements WechatJson.Answer {}

    /** {@code media/uploadimg}: the picture's URL on WeChat's CDN. */
    record UploadImageAnswer(Long errcode, String errmsg, String url) implements WechatJson.Answer {}

    // ---- cards --------------------------------------------------------------------------------------------------

    record CardIdRequest(String cardId) {}

    record CreateAnswer(Long errcode, String errmsg, String cardId) implements WechatJson.Answer {}

    record GetAnswer(Long errcode, String errmsg, CardJson.CardBody card) implements WechatJson.Answer {}

    record BatchGetRequest(Integer offset, Integer count, List<String> statusList) {}

    record BatchGetAnswer(Long errcode, String errmsg, List<String> cardIdList, Long totalNum)
            implements WechatJson.Answer {}

    record UpdateRequest(String cardId, CardJson.MemberCard memberCard) {}

    record UpdateAnswer(Long errcode, String errmsg, Boolean sendCheck) implements WechatJson.Answer {}

    record ModifyStockRequest(String cardId, Long increaseStockValue, Long reduceStockValue) {}

    record WhitelistRequest(List<String> openid, List<String> username) {}

    // ---- distribution -------------------------------------------------------------------------------------------

    record QrCodeRequest(String actionName, Integer expireSeconds, ActionInfo actionInfo) {}

    record ActionInfo(QrCard card) {}

    record QrCard(String cardId, String code, String openid, @JsonProperty("is_unique_code") Boolean isUniqueCode,
                  String outerStr) {}

    record QrCodeAnswer(Long errcode, String errmsg, String ticket, Integer expireSeconds, String url,
                        String showQrcodeUrl) implements WechatJson.Answer {}

    record LandingPageRequest(String banner, String pageTitle, Boolean canShare, String scene,
                              List<LandingCard> cardList) {}

    record LandingCard(String cardId, String thumbUrl) {}

    record LandingPageAnswer(Long errcode, String errmsg, String url, Long pageId) implements WechatJson.Answer {}

    record HtmlAnswer(Long errcode, String errmsg, String content) implements WechatJson.Answer {}

    // ---- codes and members --------------------------------------------------------------------------------------

    record CodeGetRequest(String cardId, String code, Boolean checkConsume) {}

    record CodeGetAnswer(Long errcode, String errmsg, CodeCard card, String openid, Boolean canConsume,
                         String userCardStatus, String outerStr) implements WechatJson.Answer {}

    record CodeCard(String cardId, Long beginTime, Long endTime, String code) {}

    record DecryptRequest(String encryptCode) {}

    record DecryptAnswer(Long errcode, String errmsg, String code) implements WechatJson.Answer {}

    record UnavailableRequest(String cardId, String code, String reason) {}

    /** {@code card_id} is required for cards with the merchant's own codes, and always sent. */
    record ConsumeRequest(String code, String cardId) {}

    record ConsumeAnswer(Long errcode, String errmsg, CodeCard card, String openid) implements WechatJson.Answer {}

    record CodeUpdateRequest(String cardId, String code, String newCode) {}

    record CardListRequest(String openid, String cardId) {}

    record CardListAnswer(Long errcode, String errmsg, List<HeldCode> cardList, Boolean hasShareCard)
            implements WechatJson.Answer {}

    record HeldCode(String code, String cardId) {}

    record ActivateRequest(String membershipNumber, String code, String cardId, String backgroundPicUrl,
                           Long activateBeginTime, Long activateEndTime, Long initBonus, String initBonusRecord,
                           Long initBalance, String initCustomFieldValue1, String initCustomFieldValue2,
                           String initCustomFieldValue3) {}

    record FormRequest(String cardId, NamedLink serviceStatement, NamedLink bindOldCard, FormSection requiredForm,
                       FormSection optionalForm) {}

    record NamedLink(String name, String url) {}

    record FormSection(Boolean canModify, List<String> commonFieldIdList, List<String> customFieldList,
                       List<RichField> richFieldList) {}

    record RichField(String type, String name, List<String> values) {}

    record ActivateUrlRequest(String cardId, String outerStr) {}

    record UrlAnswer(Long errcode, String errmsg, String url) implements WechatJson.Answer {}

    record TempInfoRequest(String activateTicket) {}

    record TempInfoAnswer(Long errcode, String errmsg, UserInfo info) implements WechatJson.Answer {}

    record UserInfoRequest(String cardId, String code) {}

    record UserInfoAnswer(Long errcode, String errmsg, String openid, String nickname, String membershipNumber,
                          Long bonus, Long balance, String sex, UserInfo userInfo, String userCardStatus,
                          Boolean hasActive) implements WechatJson.Answer {}

    /** The form answers; either list may be missing. */
    record UserInfo(List<FormAnswer> commonFieldList, List<FormAnswer> customFieldList) {}

    record FormAnswer(String name, String value, List<String> valueList) {}

    record UpdateUserRequest(String code, String cardId, Long bonus, Long addBonus, String recordBonus, Long balance,
                             Long addBalance, String recordBalance, NotifyOptional notifyOptional) {}

    record NotifyOptional(@JsonProperty("is_notify_bonus") Boolean isNotifyBonus,
                          @JsonProperty("is_notify_balance") Boolean isNotifyBalance) {}

    /** updateuser with the custom field values only: no totals, so it touches nothing else. */
    record UpdateFieldsRequest(String code, String cardId, String customFieldValue1, String customFieldValue2,
                               String customFieldValue3, String backgroundPicUrl, NotifyFields notifyOptional) {}

    /** {@code message/template/send}: each template key's value as {@code {"value": ...}}. */
    record TemplateSendRequest(String touser, String templateId, String url, java.util.Map<String, TemplateValue> data) {}

    record TemplateValue(String value) {}

    record TemplateSendAnswer(Long errcode, String errmsg, Long msgid) implements WechatJson.Answer {}

    record NotifyFields(@JsonProperty("is_notify_custom_field1") Boolean isNotifyCustomField1,
                        @JsonProperty("is_notify_custom_field2") Boolean isNotifyCustomField2,
                        @JsonProperty("is_notify_custom_field3") Boolean isNotifyCustomField3) {}

    record UpdateUserAnswer(Long errcode, String errmsg, Long resultBonus, Long resultBalance, String openid)
            implements WechatJson.Answer {}
}
