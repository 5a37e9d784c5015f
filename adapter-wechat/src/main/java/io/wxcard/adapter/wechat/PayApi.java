package io.wxcard.adapter.wechat;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;

/**
 * WeChat Pay API v3, as Feign declares it. Answers are taken raw ({@link Response}): their signature covers the exact
 * bytes, so nothing may parse them before they are verified. A body is sent as the exact bytes that were signed.
 * {@code Wechatpay-Serial} names the WeChat Pay public key in public-key mode (null, and so left out, otherwise):
 * during a switch WeChat Pay signs its answer with the public key only when the request names it.
 */
@Headers({"Authorization: {authorization}", "Wechatpay-Serial: {wechatpaySerial}", "Accept: application/json",
    "User-Agent: wxcard-adapter-wechat"})
interface PayApi {

    /** The same {@code out_request_no} answers the same member; "already imported" counts as done. */
    @RepeatSafe
    @RequestLine("POST /v3/marketing/membercard-open/cards/{cardId}/users/import")
    @Headers("Content-Type: application/json")
    Response importMember(@Param("cardId") String cardId, @Param("authorization") String authorization,
                          @Param("wechatpaySerial") String wechatpaySerial, byte[] body);

    /** "Already upgraded" (会员卡已经迁移) counts as done, so a repeat after a lost answer is harmless. */
    @RepeatSafe
    @RequestLine("POST /v3/marketing/membercard-open/cards/{cardId}/upgrade")
    @Headers("Content-Type: application/json")
    Response upgradeCard(@Param("cardId") String cardId, @Param("authorization") String authorization,
                         @Param("wechatpaySerial") String wechatpaySerial, byte[] body);

    /**
     * The phone is encrypted with the platform key {@code Wechatpay-Serial} names (required here); the same
     * out_request_no answers the same code.
     */
    @RepeatSafe
    @RequestLine("POST /v3/marketing/membercard-open/cards/{cardId}/phone-membercard/import")
    @Headers("Content-Type: application/json")
    Response importByPhone(@Param("cardId") String cardId, @Param("authorization") String authorization,
                           @Param("wechatpaySerial") String wechatpaySerial, byte[] body);

    /** Sets the URL of the member-card notifications; setting the same URL again changes nothing. */
    @RepeatSafe
    @RequestLine("POST /v3/marketing/membercard-open/callback")
    @Headers("Content-Type: application/json")
    Response setCallback(@Param("authorization") String authorization,
                         @Param("wechatpaySerial") String wechatpaySerial, byte[] body);

    /** The member cards an openid holds under the brand (a read): tells the code of an "already imported" member. */
    @RepeatSafe
    @RequestLine("GET /v3/marketing/membercard-open/user/cards?openid={openid}&offset={offset}&limit={limit}")
    Response userCards(@Param("openid") String openid, @Param("offset") int offset, @Param("limit") int limit,
                       @Param("authorization") String authorization, @Param("wechatpaySerial") String wechatpaySerial);

    /** The platform certificates valid now, encrypted with the merchant's APIv3 key (a read). */
    @RepeatSafe
    @RequestLine("GET /v3/certificates")
    Response certificates(@Param("authorization") String authorization,
                          @Param("wechatpaySerial") String wechatpaySerial);

    // ---- one member's card (PayMemberCards) ----------------------------------------------------------------------

    @RepeatSafe
    @RequestLine("GET /v3/marketing/membercard-open/cards/{cardId}/codes/{code}")
    Response memberCard(@Param("cardId") String cardId, @Param("code") String code,
                        @Param("authorization") String authorization, @Param("wechatpaySerial") String wechatpaySerial);

    /** The balance before and after travels in the body, and out_request_no with it: a repeat changes nothing. */
    @RepeatSafe
    @RequestLine("PATCH /v3/marketing/membercard-open/cards/{cardId}/codes/{code}")
    @Headers("Content-Type: application/json")
    Response updateMemberCard(@Param("cardId") String cardId, @Param("code") String code,
                              @Param("authorization") String authorization,
                              @Param("wechatpaySerial") String wechatpaySerial, byte[] body);

    /** The points before and after, with out_request_no: a repeat changes nothing. */
    @RepeatSafe
    @RequestLine("PATCH /v3/marketing/membercard-open/cards/{cardId}/codes/{code}/rights")
    @Headers("Content-Type: application/json")
    Response updateRights(@Param("cardId") String cardId, @Param("code") String code,
                          @Param("authorization") String authorization,
                          @Param("wechatpaySerial") String wechatpaySerial, byte[] body);

    /** Activating again with the same membership number is harmless. */
    @RepeatSafe
    @RequestLine("POST /v3/marketing/membercard-open/cards/{cardId}/codes/{code}/activate")
    @Headers("Content-Type: application/json")
    Response activateMemberCard(@Param("cardId") String cardId, @Param("code") String code,
                                @Param("authorization") String authorization,
                                @Param("wechatpaySerial") String wechatpaySerial, byte[] body);

    /** {@code encryptCode} arrives percent-encoded, exactly as it was signed. */
    @RepeatSafe
    @RequestLine(value = "GET /v3/marketing/membercard-open/cards/{cardId}/decrypt-code?encrypt_code={encryptCode}",
            decodeSlash = false) // %2F stays as signed
    Response decryptCode(@Param("cardId") String cardId,
                         @Param(value = "encryptCode", encoded = true) String encryptCode,
                         @Param("authorization") String authorization,
                         @Param("wechatpaySerial") String wechatpaySerial);

    @RepeatSafe
    @RequestLine(value = "GET /v3/marketing/membercard-open/activate-informations/{ticket}", decodeSlash = false)
    Response activateInformation(@Param(value = "ticket", encoded = true) String ticket,
                                 @Param("authorization") String authorization,
                                 @Param("wechatpaySerial") String wechatpaySerial);

    // ---- member-card activities (PayActivities) -----------------------------------------------------------------

    /** The same out_request_no answers the same activity. */
    @RepeatSafe
    @RequestLine("POST /v3/marketing/membercard-activity/activities")
    @Headers("Content-Type: application/json")
    Response createActivity(@Param("authorization") String authorization,
                            @Param("wechatpaySerial") String wechatpaySerial, byte[] body);

    @RepeatSafe
    @RequestLine("GET /v3/marketing/membercard-activity/activities?offset={offset}&limit={limit}&card_id={cardId}")
    Response activities(@Param("offset") int offset, @Param("limit") int limit, @Param("cardId") String cardId,
                        @Param("authorization") String authorization, @Param("wechatpaySerial") String wechatpaySerial);

    @RepeatSafe
    @RequestLine("GET /v3/marketing/membercard-activity/activities/{activityId}")
    Response activity(@Param("activityId") String activityId, @Param("authorization") String authorization,
                      @Param("wechatpaySerial") String wechatpaySerial);

    /** A repeat after a lost answer is refused as already terminated; the adapter then reads the activity. */
    @RepeatSafe
    @RequestLine("POST /v3/marketing/membercard-activity/activities/{activityId}/terminate")
    Response terminateActivity(@Param("activityId") String activityId, @Param("authorization") String authorization,
                               @Param("wechatpaySerial") String wechatpaySerial);
}
