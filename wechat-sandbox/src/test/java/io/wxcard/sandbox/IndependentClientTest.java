package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicInteger;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.card.BaseInfo;
import me.chanjar.weixin.mp.bean.card.DateInfo;
import me.chanjar.weixin.mp.bean.card.Sku;
import me.chanjar.weixin.mp.bean.card.UserCard;
import me.chanjar.weixin.mp.bean.card.WxMpCardCreateResult;
import me.chanjar.weixin.mp.bean.card.WxMpCardQrcodeCreateResult;
import me.chanjar.weixin.mp.bean.card.WxMpCardResult;
import me.chanjar.weixin.mp.bean.card.WxUserCardListResult;
import me.chanjar.weixin.mp.bean.card.membercard.MemberCard;
import me.chanjar.weixin.mp.bean.card.membercard.MemberCardCreateRequest;
import me.chanjar.weixin.mp.bean.card.membercard.WxMpMemberCardActivatedMessage;
import me.chanjar.weixin.mp.bean.card.membercard.WxMpMemberCardCreateMessage;
import me.chanjar.weixin.mp.bean.card.membercard.WxMpMemberCardUpdateMessage;
import me.chanjar.weixin.mp.bean.card.membercard.WxMpMemberCardUpdateResult;
import me.chanjar.weixin.mp.bean.card.membercard.WxMpMemberCardUserInfoResult;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An independent client written for the real WeChat API (WxJava, {@code weixin-java-mp}) against the sandbox, with
 * nothing changed but the base URL. Every Official Account call goes through WxJava's own services; only what a
 * member or a reviewer does on WeChat's side (receive a card, scan a QR code, pass the review) and the look at the
 * sandbox's own state go through the control API, as in the other tests.
 *
 * <p>WxJava writes request URLs, access_token included, into its WARN lines; logback-test.xml silences it.
 */
class IndependentClientTest {
    private static final AtomicInteger OPENIDS = new AtomicInteger();
    private static Fixture f;
    private static WxMpService wx;

    @BeforeAll
    static void start() {
        f = Fixture.start();
        WxMpHostConfig hosts = new WxMpHostConfig();
        hosts.setApiHost(f.sandbox.baseUrl());
        hosts.setMpHost(f.sandbox.baseUrl());
        hosts.setOpenHost(f.sandbox.baseUrl());
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(Fixture.APP_ID);
        config.setSecret(Fixture.SECRET);
        config.setHostConfig(hosts);
        WxMpServiceImpl service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(config);
        service.setRetrySleepMillis(10);
        wx = service;
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String newOpenid() {
        return "oWxJava" + OPENIDS.incrementAndGet();
    }

    private static long tokenFetches() {
        return f.http.get("/sandbox/stats").json().get("token_fetches").asLong();
    }

    private static String background;

    /** A background uploaded as a WxJava user does it (material service, uploadimg): WeChat takes no other host. */
    private static synchronized String uploadedBackground() {
        if (background == null) {
            try {
                java.io.File file = java.io.File.createTempFile("background", ".png");
                file.deleteOnExit();
                java.nio.file.Files.write(file.toPath(), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A,
                    0x0A, 0, 0, 0, 0});
                background = wx.getMaterialService().mediaImgUpload(file).getUrl();
            } catch (java.io.IOException | WxErrorException e) {
                throw new IllegalStateException("WxJava could not upload the background", e);
            }
        }
        return background;
    }

    /** A member card as a WxJava user builds it: activated by the merchant's own page (membercard/activate). */
    private static WxMpMemberCardCreateMessage memberCard(String title) {
        DateInfo dateInfo = new DateInfo();
        dateInfo.setType("DATE_TYPE_PERMANENT");
        Sku sku = new Sku();
        sku.setQuantity(100);
        BaseInfo baseInfo = new BaseInfo();
        baseInfo.setLogoUrl("http://mmbiz.qpic.cn/logo.png");
        baseInfo.setBrandName("Tea House");
        baseInfo.setCodeType("CODE_TYPE_QRCODE");
        baseInfo.setTitle(title);
        baseInfo.setColor("Color010");
        baseInfo.setNotice("Show the code");
        baseInfo.setDescription("Members earn one point per yuan.");
        baseInfo.setServicePhone("020-88888888");
        baseInfo.setDateInfo(dateInfo);
        baseInfo.setSku(sku);
        baseInfo.setGetLimit(1);
        baseInfo.setUseAllLocations(true);
        MemberCard card = new MemberCard();
        card.setBackgroundPicUrl(uploadedBackground());
        card.setBaseInfo(baseInfo);
        card.setPrerogative("10% off every drink");
        card.setSupplyBonus(true);
        card.setSupplyBalance(true);
        card.setActivateUrl("https://merchant.example/activate");
        MemberCardCreateRequest request = new MemberCardCreateRequest();
        request.setMemberCard(card);
        WxMpMemberCardCreateMessage message = new WxMpMemberCardCreateMessage();
        message.setCardCreateRequest(request);
        return message;
    }

    private static String createApprovedCard(String title) throws WxErrorException {
        WxMpCardCreateResult created = wx.getMemberCardService().createMemberCard(memberCard(title));
        assertThat(created.isSuccess()).as(created.toString()).isTrue();
        Http.Response review = f.control("/sandbox/cards/" + created.getCardId() + "/review", "{\"result\":\"pass\"}");
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        return created.getCardId();
    }

    private static JsonNode cardDetail(String cardId) throws Exception {
        return Http.JSON.readTree(wx.getCardService().getCardDetail(cardId)).get("card");
    }

    @Test
    void wxjava_fetches_an_access_token_from_the_sandbox() throws WxErrorException {
        long before = tokenFetches();

        String token = wx.getAccessToken(true);

        assertThat(token).matches("[A-Za-z0-9_-]{32,512}");
        assertThat(tokenFetches()).isEqualTo(before + 1);
        assertThat(wx.getAccessToken()).isEqualTo(token); // cached by WxJava: no second fetch
        assertThat(tokenFetches()).isEqualTo(before + 1);
        assertThat(wx.getAccessToken(true)).isNotEqualTo(token); // the sandbox issues a new one on every fetch
    }

    @Test
    void a_member_card_from_creation_to_updateuser_through_wxjava() throws Exception {
        // create (card/create through the member card service, WxJava's own checks included)
        WxMpCardCreateResult created = wx.getMemberCardService().createMemberCard(memberCard("Gold Card"));
        assertThat(created.isSuccess()).as(created.toString()).isTrue();
        String cardId = created.getCardId();
        assertThat(cardId).hasSize(28).startsWith("p");

        // card/get
        JsonNode card = cardDetail(cardId);
        assertThat(card.get("card_type").asText()).isEqualTo("MEMBER_CARD");
        JsonNode baseInfo = card.get("member_card").get("base_info");
        assertThat(baseInfo.get("id").asText()).isEqualTo(cardId);
        assertThat(baseInfo.get("title").asText()).isEqualTo("Gold Card");
        assertThat(baseInfo.get("status").asText()).isEqualTo("CARD_STATUS_NOT_VERIFY");
        assertThat(baseInfo.get("sku").get("quantity").asInt()).isEqualTo(100);
        assertThat(card.get("member_card").get("activate_url").asText()).isEqualTo("https://merchant.example/activate");

        // the reviewer passes it (control API), which card/get then shows
        f.control("/sandbox/cards/" + cardId + "/review", "{\"result\":\"pass\"}");
        assertThat(cardDetail(cardId).get("member_card").get("base_info").get("status").asText())
                .isEqualTo("CARD_STATUS_VERIFY_OK");

        // a member receives it (control API): the merchant's page gets card_id and encrypt_code
        String openid = newOpenid();
        Http.Response received = f.control("/sandbox/cards/" + cardId + "/users",
                "{\"openid\":\"" + openid + "\",\"outer_str\":\"store_42\"}");
        assertThat(received.status()).as(received.body()).isEqualTo(200);
        String code = received.json().get("code").asText();
        String encryptCode = received.json().get("encrypt_code").asText();

        // code/decrypt
        assertThat(wx.getCardService().decryptCardCode(encryptCode)).isEqualTo(code);

        // code/get
        WxMpCardResult codeInfo = wx.getCardService().queryCardCode(cardId, code, false);
        assertThat(codeInfo.getOpenId()).isEqualTo(openid);
        assertThat(codeInfo.getCard().getCardId()).isEqualTo(cardId);
        assertThat(codeInfo.getUserCardStatus()).isEqualTo("NORMAL");
        assertThat(codeInfo.getCanConsume()).isTrue();
        assertThat(codeInfo.getOutStr()).isEqualTo("store_42");
        assertThat(codeInfo.getCard().getEndTime()).isGreaterThan(codeInfo.getCard().getBeginTime());

        // userinfo/get before activation
        WxMpMemberCardUserInfoResult before = wx.getMemberCardService().getUserInfo(cardId, code);
        assertThat(before.getOpenId()).isEqualTo(openid);
        assertThat(before.getHasActive()).isFalse();

        // membercard/activate
        WxMpMemberCardActivatedMessage activate = new WxMpMemberCardActivatedMessage();
        activate.setCardId(cardId);
        activate.setCode(code);
        activate.setMembershipNumber("M-000123");
        activate.setInitBonus(100);
        activate.setInitBonusRecord("welcome points");
        activate.setInitBalance(5000d);
        wx.getMemberCardService().activateMemberCard(activate);

        WxMpMemberCardUserInfoResult active = wx.getMemberCardService().getUserInfo(cardId, code);
        assertThat(active.getHasActive()).isTrue();
        assertThat(active.getMembershipNumber()).isEqualTo("M-000123");
        assertThat(active.getBonus()).isEqualTo(100);
        assertThat(active.getBalance()).isEqualTo(5000d);
        assertThat(active.getUserCardStatus()).isEqualTo("NORMAL");

        // membercard/updateuser: absolute totals with the deltas alongside (the idempotent form)
        WxMpMemberCardUpdateMessage update = new WxMpMemberCardUpdateMessage();
        update.setCardId(cardId);
        update.setCode(code);
        update.setBonus(130);
        update.setAddBonus(30);
        update.setRecordBonus("order 42");
        update.setBalance(4500d);
        update.setAddBalance(-500d);
        update.setRecordBalance("order 42");
        WxMpMemberCardUpdateResult updated = wx.getMemberCardService().updateUserMemberCard(update);
        assertThat(updated.getResultBonus()).isEqualTo(130);
        assertThat(updated.getResultBalance()).isEqualTo(4500d);
        assertThat(updated.getOpenId()).isEqualTo(openid);

        // a retry of the same call lands on the same totals
        WxMpMemberCardUpdateResult retried = wx.getMemberCardService().updateUserMemberCard(update);
        assertThat(retried.getResultBonus()).isEqualTo(130);
        assertThat(retried.getResultBalance()).isEqualTo(4500d);

        WxMpMemberCardUserInfoResult after = wx.getMemberCardService().getUserInfo(cardId, code);
        assertThat(after.getBonus()).isEqualTo(130);
        assertThat(after.getBalance()).isEqualTo(4500d);
        JsonNode state = f.state(cardId, code);
        assertThat(state.get("bonus").asLong()).isEqualTo(130);
        assertThat(state.get("balance").asLong()).isEqualTo(4500);
        assertThat(state.get("membership_number").asText()).isEqualTo("M-000123");

        // the stock went down by the one card handed out
        assertThat(cardDetail(cardId).get("member_card").get("base_info").get("sku").get("quantity").asInt())
                .isEqualTo(99);

        // card/user/getcardlist
        WxUserCardListResult list = wx.getCardService().getUserCardList(openid, cardId);
        assertThat(list.getCardList()).extracting(UserCard::getCode, UserCard::getCardId)
                .containsExactly(tuple(code, cardId));

        // code/unavailable, after which code/get with check_consume refuses the code
        wx.getCardService().unavailableCardCode(cardId, code, "member left");
        assertThat(wx.getCardService().queryCardCode(cardId, code, false).getUserCardStatus())
                .isEqualTo("UNAVAILABLE");
        WxErrorException consumed = catchThrowableOfType(WxErrorException.class,
                () -> wx.getCardService().queryCardCode(cardId, code, true));
        assertThat(consumed).isNotNull();
        assertThat(consumed.getError().getErrorCode()).isEqualTo(40127); // WeChat's example: "may be ... set unavailable"
    }

    @Test
    void the_card_api_ticket_comes_from_the_sandbox_and_stays_the_same_until_it_expires() throws WxErrorException {
        String ticket = wx.getCardService().getCardApiTicket(true);

        assertThat(ticket).isNotBlank();
        // forced past WxJava's cache: the sandbox answers the same ticket while it is valid, as WeChat does
        assertThat(wx.getCardService().getCardApiTicket(true)).isEqualTo(ticket);
    }

    @Test
    void a_card_qr_code_made_by_wxjava_can_be_scanned_by_a_member() throws Exception {
        String cardId = createApprovedCard("QR Card");

        WxMpCardQrcodeCreateResult qr = wx.getCardService().createQrcodeCard(cardId, "poster_7", 1800);

        assertThat(qr.getTicket()).isNotBlank();
        assertThat(qr.getExpireSeconds()).isEqualTo(1800);
        assertThat(qr.getUrl()).isNotBlank();
        assertThat(qr.getShowQrcodeUrl()).contains("ticket=");
        String openid = newOpenid();
        Http.Response scan = f.control("/sandbox/qrcodes/" + qr.getTicket() + "/scan",
                "{\"openid\":\"" + openid + "\"}");
        assertThat(scan.status()).as(scan.body()).isEqualTo(200);
        String code = scan.json().get("code").asText();
        WxMpCardResult codeInfo = wx.getCardService().queryCardCode(cardId, code, true);
        assertThat(codeInfo.getOpenId()).isEqualTo(openid);
        assertThat(codeInfo.getOutStr()).isEqualTo("poster_7");
    }

    @Test
    void errors_reach_wxjava_as_wx_error_exceptions_with_wechat_errcodes() throws Exception {
        String cardId = createApprovedCard("Err Card");

        WxErrorException unknownCode = catchThrowableOfType(WxErrorException.class,
                () -> wx.getCardService().queryCardCode(cardId, "999999999999", false));
        assertThat(unknownCode).isNotNull();
        assertThat(unknownCode.getError().getErrorCode()).isEqualTo(40056);

        WxErrorException unknownCard = catchThrowableOfType(WxErrorException.class,
                () -> wx.getCardService().getCardDetail("pAAAAA" + "x".repeat(22)));
        assertThat(unknownCard).isNotNull();
        assertThat(unknownCard.getError().getErrorCode()).isEqualTo(40073);

        WxErrorException badEncryptCode = catchThrowableOfType(WxErrorException.class,
                () -> wx.getCardService().decryptCardCode("bm90LWFuLWVuY3J5cHQtY29kZQ=="));
        assertThat(badEncryptCode).isNotNull();
        assertThat(badEncryptCode.getError().getErrorCode()).isEqualTo(40075);

        // updateuser before activation: the card's status is wrong
        String code = f.receive(cardId, newOpenid());
        WxMpMemberCardUpdateMessage update = new WxMpMemberCardUpdateMessage();
        update.setCardId(cardId);
        update.setCode(code);
        update.setAddBonus(10);
        WxErrorException notActive = catchThrowableOfType(WxErrorException.class,
                () -> wx.getMemberCardService().updateUserMemberCard(update));
        assertThat(notActive).isNotNull();
        assertThat(notActive.getError().getErrorCode()).isEqualTo(40078);
    }

    @Test
    void a_stale_token_answers_42001_and_wxjava_refreshes_it_once_and_retries() throws Exception {
        String cardId = createApprovedCard("Stale");
        String token = wx.getAccessToken();
        long before = tokenFetches();
        f.control("/sandbox/faults", "{\"expire_tokens\":true}");

        JsonNode card = cardDetail(cardId); // 42001, then WxJava fetches a new token and repeats the call

        assertThat(card.get("member_card").get("base_info").get("id").asText()).isEqualTo(cardId);
        assertThat(tokenFetches()).isEqualTo(before + 1);
        assertThat(wx.getAccessToken()).isNotEqualTo(token);
        // a refused token names no account, so the call log is read without the appid filter
        JsonNode calls = f.http.get("/sandbox/calls?path=/card/get&limit=2").json()
                .get("calls");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).get("errcode").asInt()).isEqualTo(42001);
        assertThat(calls.get(1).get("errcode").asInt()).isZero();
    }
}
