package io.wxcard.adapter.wechat;

import feign.Param;
import feign.Request;
import feign.RequestLine;

/**
 * The Official Account API endpoints the ports use, as Feign declares them. Every call takes its own
 * {@link Request.Options}, so that its read timeout never outlasts the caller's deadline.
 *
 * <p>The access_token is not a template parameter: it rides in the call's options
 * ({@link TokenOptions}, made by {@link OaCalls}) and the client appends {@code access_token=...} to
 * the query string. Expanding it as a Feign query template cost about as much as the rest of Feign's work per call
 * (percent-encoding, regex scans and re-parsing of a 150-character value), and this way the token is in no Feign
 * {@code Request}, template or exception message either (nothing in this adapter logs a request URL anyway). Every
 * request says {@code Content-Type: application/json; charset=utf-8} and {@code Accept: application/json}: constant
 * headers, added by the client ({@link WechatHttp#OA_HEADERS}) rather than expanded from templates on every call.
 */
interface OaApi {

    // ---- credentials (wechat-api.md, section 2) ----

    @RequestLine("GET /cgi-bin/token?grant_type=client_credential&appid={appid}&secret={secret}")
    OaJson.TokenAnswer token(@Param("appid") String appId, @Param("secret") String secret, Request.Options options);

    @RequestLine("POST /cgi-bin/stable_token")
    OaJson.TokenAnswer stableToken(OaJson.StableTokenRequest request, Request.Options options);

    @RequestLine("GET /cgi-bin/ticket/getticket?type=wx_card")
    OaJson.TicketAnswer cardTicket(TokenOptions options);

    // ---- cards (section 3) ----

    @RequestLine("POST /card/create")
    OaJson.CreateAnswer create(CardJson.CardEnvelope card, TokenOptions options);

    @RequestLine("POST /card/get")
    OaJson.GetAnswer get(OaJson.CardIdRequest request, TokenOptions options);

    @RequestLine("POST /card/batchget")
    OaJson.BatchGetAnswer batchGet(OaJson.BatchGetRequest request, TokenOptions options);

    @RequestLine("POST /card/update")
    OaJson.UpdateAnswer update(OaJson.UpdateRequest request, TokenOptions options);

    @RequestLine("POST /card/delete")
    OaJson.Plain delete(OaJson.CardIdRequest request, TokenOptions options);

    @RequestLine("POST /card/modifystock")
    OaJson.Plain modifyStock(OaJson.ModifyStockRequest request, TokenOptions options);

    @RequestLine("POST /card/testwhitelist/set")
    OaJson.Plain setTestWhitelist(OaJson.WhitelistRequest request, TokenOptions options);

    @RequestLine("POST /card/qrcode/create")
    OaJson.QrCodeAnswer createQrCode(OaJson.QrCodeRequest request, TokenOptions options);

    @RequestLine("POST /card/landingpage/create")
    OaJson.LandingPageAnswer createLandingPage(OaJson.LandingPageRequest request, TokenOptions options);

    @RequestLine("POST /card/mpnews/gethtml")
    OaJson.HtmlAnswer massMessageHtml(OaJson.CardIdRequest request, TokenOptions options);

    // ---- codes and member cards (sections 3 and 4) ----

    @RequestLine("POST /card/code/get")
    OaJson.CodeGetAnswer codeGet(OaJson.CodeGetRequest request, TokenOptions options);

    @RequestLine("POST /card/code/decrypt")
    OaJson.DecryptAnswer decryptCode(OaJson.DecryptRequest request, TokenOptions options);

    @RequestLine("POST /card/code/unavailable")
    OaJson.Plain unavailable(OaJson.UnavailableRequest request, TokenOptions options);

    @RequestLine("POST /card/user/getcardlist")
    OaJson.CardListAnswer cardList(OaJson.CardListRequest request, TokenOptions options);

    @RequestLine("POST /card/membercard/activate")
    OaJson.Plain activate(OaJson.ActivateRequest request, TokenOptions options);

    @RequestLine("POST /card/membercard/activateuserform/set")
    OaJson.Plain setActivationForm(OaJson.FormRequest request, TokenOptions options);

    @RequestLine("POST /card/membercard/activate/geturl")
    OaJson.UrlAnswer activationUrl(OaJson.ActivateUrlRequest request, TokenOptions options);

    @RequestLine("POST /card/membercard/activatetempinfo/get")
    OaJson.TempInfoAnswer activationTempInfo(OaJson.TempInfoRequest request, TokenOptions options);

    @RequestLine("POST /card/membercard/userinfo/get")
    OaJson.UserInfoAnswer userInfo(OaJson.UserInfoRequest request, TokenOptions options);

    @RequestLine("POST /card/membercard/updateuser")
    OaJson.UpdateUserAnswer updateUser(OaJson.UpdateUserRequest request, TokenOptions options);
}
