package io.wxcard.adapter.wechat;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;

/**
 * WeChat Pay API v3, as Feign declares it. The answer is taken raw ({@link Response}): its signature covers the exact
 * bytes, so nothing may parse it before it is verified. The body is sent as the exact bytes that were signed.
 */
interface PayApi {

    /** The same {@code out_request_no} answers the same member; "already imported" counts as done. */
    @RepeatSafe
    @RequestLine("POST /v3/marketing/membercard-open/cards/{cardId}/users/import")
    @Headers({"Authorization: {authorization}", "Content-Type: application/json", "Accept: application/json",
        "User-Agent: wxcard-adapter-wechat"})
    Response importMember(@Param("cardId") String cardId, @Param("authorization") String authorization, byte[] body);
}
