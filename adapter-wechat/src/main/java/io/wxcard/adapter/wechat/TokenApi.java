package io.wxcard.adapter.wechat;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * The access_token endpoints (wechat-api.md, section 2): the only ones called without a token, so built without the
 * token interceptor. A repeat after a lost answer costs one call of the daily quota and nothing else.
 */
@Headers({"Content-Type: application/json; charset=utf-8", "Accept: application/json"})
interface TokenApi {

    @RepeatSafe
    @RequestLine("GET /cgi-bin/token?grant_type=client_credential&appid={appid}&secret={secret}")
    OaJson.TokenAnswer token(@Param("appid") String appId, @Param("secret") String secret);

    /** Answers the current stable token; a repeat answers the same. */
    @RepeatSafe
    @RequestLine("POST /cgi-bin/stable_token")
    OaJson.TokenAnswer stableToken(OaJson.StableTokenRequest request);
}
