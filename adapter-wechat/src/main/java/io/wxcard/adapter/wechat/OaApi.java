package io.wxcard.adapter.wechat;

import feign.Headers;
import feign.RequestLine;

/**
 * The Official Account API endpoints the ports use (wechat-api.md, sections 2-4): the one place that names each
 * endpoint and says, with {@link RepeatSafe}, whether a repeat is harmless. Every call carries the account's
 * access_token, which the client's {@code RequestInterceptor} adds as the {@code access_token} query parameter.
 */
@Headers({"Content-Type: application/json; charset=utf-8", "Accept: application/json"})
interface OaApi {

    /** Answers the current ticket. */
    @RepeatSafe
    @RequestLine("GET /cgi-bin/ticket/getticket?type=wx_card")
    OaJson.TicketAnswer cardTicket();

    // ---- cards (section 3) ----

    /** NOT repeat-safe: a repeat creates a second card. */
    @RequestLine("POST /card/create")
    OaJson.CreateAnswer create(CardJson.CardEnvelope card);

    @RepeatSafe
    @RequestLine("POST /card/get")
    OaJson.GetAnswer get(OaJson.CardIdRequest request);

    @RepeatSafe
    @RequestLine("POST /card/batchget")
    OaJson.BatchGetAnswer batchGet(OaJson.BatchGetRequest request);

    /**
     * Sets the definition, so a repeat lands on the same definition. Caveat: if the first attempt's answer was lost,
     * the repeat's {@code send_check} may say false although the first one sent the card to review; the card's status
     * ({@code /card/get}) tells the truth.
     */
    @RepeatSafe
    @RequestLine("POST /card/update")
    OaJson.UpdateAnswer update(OaJson.UpdateRequest request);

    /** NOT repeated: the state converges, but a repeat answers 40078 (already deleted) for a delete that worked. */
    @RequestLine("POST /card/delete")
    OaJson.Plain delete(OaJson.CardIdRequest request);

    /** NOT repeat-safe: increase/reduce are deltas, a repeat moves the stock twice. */
    @RequestLine("POST /card/modifystock")
    OaJson.Plain modifyStock(OaJson.ModifyStockRequest request);

    /** Adds the same testers again. */
    @RepeatSafe
    @RequestLine("POST /card/testwhitelist/set")
    OaJson.Plain setTestWhitelist(OaJson.WhitelistRequest request);

    /** NOT repeat-safe: a repeat makes a second QR code (and WeChat counts them). */
    @RequestLine("POST /card/qrcode/create")
    OaJson.QrCodeAnswer createQrCode(OaJson.QrCodeRequest request);

    /** NOT repeat-safe: a repeat makes a second landing page. */
    @RequestLine("POST /card/landingpage/create")
    OaJson.LandingPageAnswer createLandingPage(OaJson.LandingPageRequest request);

    @RepeatSafe
    @RequestLine("POST /card/mpnews/gethtml")
    OaJson.HtmlAnswer massMessageHtml(OaJson.CardIdRequest request);

    // ---- codes and member cards (sections 3 and 4) ----

    @RepeatSafe
    @RequestLine("POST /card/code/get")
    OaJson.CodeGetAnswer codeGet(OaJson.CodeGetRequest request);

    @RepeatSafe
    @RequestLine("POST /card/code/decrypt")
    OaJson.DecryptAnswer decryptCode(OaJson.DecryptRequest request);

    /** NOT repeated: irreversible, and a repeat answers 40099 (already unavailable) for a call that worked. */
    @RequestLine("POST /card/code/unavailable")
    OaJson.Plain unavailable(OaJson.UnavailableRequest request);

    /** NOT repeated: irreversible, and a repeat answers 40099 (already consumed) for a consume that worked. */
    @RequestLine("POST /card/code/consume")
    OaJson.ConsumeAnswer consume(OaJson.ConsumeRequest request);

    /**
     * NOT repeated: after a lost success the old code no longer exists, so a repeat answers an error for a change
     * that worked; the caller reads the code back ({@code code/get}) instead.
     */
    @RequestLine("POST /card/code/update")
    OaJson.Plain codeUpdate(OaJson.CodeUpdateRequest request);

    @RepeatSafe
    @RequestLine("POST /card/user/getcardlist")
    OaJson.CardListAnswer cardList(OaJson.CardListRequest request);

    /**
     * NOT repeated: a repeat after a lost success may be refused (WeChat does not document it; the sandbox accepts
     * the same membership number again, the in-memory double answers 40078), and activation is rare enough to leave
     * to the caller's outbox.
     */
    @RequestLine("POST /card/membercard/activate")
    OaJson.Plain activate(OaJson.ActivateRequest request);

    /** Sets the whole form; a repeat sets the same form. */
    @RepeatSafe
    @RequestLine("POST /card/membercard/activateuserform/set")
    OaJson.Plain setActivationForm(OaJson.FormRequest request);

    @RepeatSafe
    @RequestLine("POST /card/membercard/activate/geturl")
    OaJson.UrlAnswer activationUrl(OaJson.ActivateUrlRequest request);

    /** NOT repeated: each add makes a new rule (a lost answer leaves one the caller does not know of). */
    @RequestLine("POST /card/paygiftcard/add")
    CampaignJson.PayGiftAddAnswer addPayGiftRule(CampaignJson.PayGiftAddRequest request);

    /** A read: the rule as WeChat has it. */
    @RepeatSafe
    @RequestLine("POST /card/paygiftcard/getbyid")
    CampaignJson.PayGiftGetAnswer payGiftRule(CampaignJson.RuleIdRequest request);

    /** A read: one page of the account's rules. */
    @RepeatSafe
    @RequestLine("POST /card/paygiftcard/batchget")
    CampaignJson.PayGiftBatchAnswer payGiftRules(CampaignJson.BatchGetRequest request);

    /** NOT repeated: a repeat after a lost success answers an error for a delete that worked. */
    @RequestLine("POST /card/paygiftcard/delete")
    OaJson.Plain deletePayGiftRule(CampaignJson.RuleIdRequest request);

    @RepeatSafe
    @RequestLine("POST /card/membercard/activatetempinfo/get")
    OaJson.TempInfoAnswer activationTempInfo(OaJson.TempInfoRequest request);

    @RepeatSafe
    @RequestLine("POST /card/membercard/userinfo/get")
    OaJson.UserInfoAnswer userInfo(OaJson.UserInfoRequest request);

    /**
     * Repeat-safe because the port's {@code MemberUpdate} always carries the absolute {@code bonus} and
     * {@code balance}: a repeat lands on the same totals ({@code add_*} only annotates the change for the member).
     */
    @RepeatSafe
    @RequestLine("POST /card/membercard/updateuser")
    OaJson.UpdateUserAnswer updateUser(OaJson.UpdateUserRequest request);

    /** The same endpoint with the custom field values only: absolute values, so a repeat lands on the same card. */
    @RepeatSafe
    @RequestLine("POST /card/membercard/updateuser")
    OaJson.UpdateUserAnswer updateFields(OaJson.UpdateFieldsRequest request);

    // ---- messages (issue 17 item 3) ----

    /** NOT repeat-safe: a repeat is a second message to the member. */
    @RequestLine("POST /cgi-bin/message/template/send")
    OaJson.TemplateSendAnswer sendTemplate(OaJson.TemplateSendRequest request);
}
