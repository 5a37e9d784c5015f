package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.push.DecodedPush;
import io.wxcard.application.port.out.wechat.push.PushCredentials;
import io.wxcard.application.port.out.wechat.push.PushRejection;
import io.wxcard.application.port.out.wechat.push.PushRejection.Reason;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The push decoder against wechat-msg-crypto.json and hand-made attacks. */
class PushDecoderTest {

    private static final JsonNode V = TestVectors.load("wechat-msg-crypto.json");
    private static final String TOKEN = TestVectors.text(V, "token");
    private static final String AES_KEY = TestVectors.text(V, "encoding_aes_key");
    private static final String APP_ID = TestVectors.text(V, "appid");
    private static final String TIMESTAMP = TestVectors.text(V, "timestamp");
    private static final String NONCE = TestVectors.text(V, "nonce");
    private static final Instant NOW = Instant.ofEpochSecond(Long.parseLong(TIMESTAMP)).plusSeconds(3);

    private static final PushCredentials SAFE = new PushCredentials(new AppId(APP_ID), Secret.of(TOKEN),
            Option.of(Secret.of(AES_KEY)), PushMode.SAFE);
    private static final PushCredentials PLAIN = new PushCredentials(new AppId(APP_ID), Secret.of(TOKEN),
            Option.none(), PushMode.PLAIN);

    private final PushDecoder decoder = new PushDecoder(WechatSettings.defaults());

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Map<String, String> safeQuery(String msgSignature) {
        Map<String, String> query = new HashMap<>();
        query.put("signature", TestVectors.text(V, "signature"));
        query.put("timestamp", TIMESTAMP);
        query.put("nonce", NONCE);
        query.put("openid", "oFS7Fj6ca4dd3ab6aQ");
        query.put("encrypt_type", "aes");
        query.put("msg_signature", msgSignature);
        return query;
    }

    private static Map<String, String> plainQuery(String timestamp) {
        Map<String, String> query = new HashMap<>();
        query.put("signature", PushCrypto.signature(TOKEN, timestamp, NONCE));
        query.put("timestamp", timestamp);
        query.put("nonce", NONCE);
        return query;
    }

    private static String envelope(String encrypt) {
        return "<xml><ToUserName><![CDATA[gh_fc0a06a20993]]></ToUserName><Encrypt><![CDATA[" + encrypt
                + "]]></Encrypt></xml>";
    }

    private Either<PushRejection, DecodedPush> post(PushCredentials credentials, Map<String, String> query,
                                                    String body) {
        return decoder.decode(credentials, new PushRequest("POST", query, body.getBytes(StandardCharsets.UTF_8)), NOW);
    }

    /** Safe mode, with a valid msg_signature over whatever is encrypted. */
    private Either<PushRejection, DecodedPush> postEncrypted(String encrypt) {
        return post(SAFE, safeQuery(PushCrypto.signature(TOKEN, TIMESTAMP, NONCE, encrypt)), envelope(encrypt));
    }

    private Either<PushRejection, DecodedPush> postPlain(String xml) {
        return post(PLAIN, plainQuery(TIMESTAMP), xml);
    }

    private static Reason reason(Either<PushRejection, DecodedPush> result) {
        assertThat(result.isLeft()).as("expected a rejection but got %s", result.getOrNull()).isTrue();
        assertThat(result.getLeft().detail()).doesNotContain(TOKEN).doesNotContain(AES_KEY);
        return result.getLeft().reason();
    }

    private static WechatEvent event(Either<PushRejection, DecodedPush> result) {
        assertThat(result.isRight()).as("expected a push but got %s", result.swap().getOrNull()).isTrue();
        assertThat(result.get()).isInstanceOf(DecodedPush.Event.class);
        return ((DecodedPush.Event) result.get()).event();
    }

    /** Encrypts like WeChat, with the length field and the padding under the test's control. */
    static String encrypt(String aesKey, byte[] xml, String appId, int lengthField, int padValue, int padCount)
            throws Exception {
        byte[] padding = new byte[padCount];
        Arrays.fill(padding, (byte) padValue);
        return encrypt(aesKey, xml, appId, lengthField, padding);
    }

    static String encrypt(String aesKey, byte[] xml, String appId, int lengthField, byte[] padding) throws Exception {
        byte[] key = Base64.getDecoder().decode(aesKey + "=");
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(20 + xml.length + app.length + padding.length);
        plain.put(new byte[16]).putInt(lengthField).put(xml).put(app).put(padding);
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
    }

    static String encrypt(String aesKey, String xml, String appId) throws Exception {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        int unpadded = 20 + body.length + appId.getBytes(StandardCharsets.UTF_8).length;
        int pad = 32 - unpadded % 32;
        return encrypt(aesKey, body, appId, body.length, pad, pad);
    }

    private static String eventXml(String event, String extra) {
        return "<xml><ToUserName><![CDATA[gh_fc0a06a20993]]></ToUserName><FromUserName><![CDATA[oMember1]]>"
                + "</FromUserName><CreateTime>" + TIMESTAMP + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + event + "]]></Event>" + extra + "</xml>";
    }

    // ---- the vector -------------------------------------------------------------------------------------------

    @Test
    void decodes_the_vectors_safe_mode_push_into_a_card_received_event() {
        WechatEvent event = event(post(SAFE, safeQuery(TestVectors.text(V, "msg_signature")),
                TestVectors.text(V, "post_body")));

        WechatEvent.CardReceived received = (WechatEvent.CardReceived) event;
        assertThat(received.header().fromUserName()).isEqualTo("oFS7Fj6ca4dd3ab6aQ");
        assertThat(received.header().toUserName()).isEqualTo("gh_fc0a06a20993");
        assertThat(received.header().createTime()).isEqualTo(1764208278L);
        assertThat(received.header().event()).isEqualTo("user_get_card");
        assertThat(received.cardId()).isEqualTo(new WechatCardId("pFS7Fjg4bc67d27deXz"));
        assertThat(received.code()).isEqualTo(new Code("109631701445"));
        assertThat(received.outerStr()).contains("store_42");
        assertThat(received.restored()).isFalse();
        assertThat(received.givenByFriend()).isFalse();
        assertThat(received.oldCode()).isEmpty();
        assertThat(received.friendUserName()).isEmpty();
        assertThat(received.unionId()).isEmpty();
    }

    @Test
    void decrypts_the_vector_to_its_plaintext_exactly() {
        byte[] xml = PushCrypto.decrypt(AES_KEY, APP_ID, TestVectors.text(V, "encrypt")).get();

        assertThat(new String(xml, StandardCharsets.UTF_8)).isEqualTo(TestVectors.text(V, "plaintext_xml"));
    }

    @Test
    void refuses_the_vector_addressed_to_another_appid() {
        assertThat(reason(post(SAFE, safeQuery(TestVectors.text(V, "msg_signature_for_wrong_appid")),
                envelope(TestVectors.text(V, "encrypt_with_wrong_appid"))))).isEqualTo(Reason.WRONG_APPID);
    }

    @Test
    void refuses_the_vector_with_bad_padding() {
        assertThat(reason(post(SAFE, safeQuery(TestVectors.text(V, "msg_signature_for_bad_padding")),
                envelope(TestVectors.text(V, "encrypt_with_bad_padding"))))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void refuses_the_vectors_xxe_body_without_reading_any_file() {
        Either<PushRejection, DecodedPush> result = postPlain(TestVectors.text(V, "plain_xxe_body"));

        assertThat(reason(result)).isEqualTo(Reason.UNSAFE_XML);
    }

    // ---- signatures, modes, replay ----------------------------------------------------------------------------

    @Test
    void refuses_a_msg_signature_that_does_not_match_the_encrypted_body() {
        String other = TestVectors.text(V, "msg_signature").replace('5', '6');

        assertThat(reason(post(SAFE, safeQuery(other), TestVectors.text(V, "post_body"))))
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void refuses_an_encrypted_push_without_msg_signature() {
        Map<String, String> query = safeQuery("x");
        query.remove("msg_signature");

        assertThat(reason(post(SAFE, query, TestVectors.text(V, "post_body")))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void refuses_a_plain_push_with_a_wrong_or_missing_signature() {
        Map<String, String> wrong = plainQuery(TIMESTAMP);
        wrong.put("signature", "0".repeat(40));
        Map<String, String> missing = plainQuery(TIMESTAMP);
        missing.remove("signature");
        String xml = eventXml("user_del_card", "<CardId>pCard1</CardId><UserCardCode>123</UserCardCode>");

        assertThat(reason(post(PLAIN, wrong, xml))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reason(post(PLAIN, missing, xml))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void accepts_a_signature_in_upper_case_hex() {
        Map<String, String> query = plainQuery(TIMESTAMP);
        query.put("signature", query.get("signature").toUpperCase());

        assertThat(event(post(PLAIN, query, eventXml("user_del_card",
                "<CardId>pCard1</CardId><UserCardCode>123</UserCardCode>")))).isInstanceOf(
                WechatEvent.CardDeletedByMember.class);
    }

    @Test
    void refuses_a_plain_push_to_a_safe_mode_account() {
        String xml = eventXml("user_del_card", "<CardId>pCard1</CardId><UserCardCode>123</UserCardCode>");

        assertThat(reason(post(SAFE, plainQuery(TIMESTAMP), xml))).isEqualTo(Reason.WRONG_MODE);
    }

    @Test
    void refuses_an_encrypted_push_to_a_plain_mode_account() {
        assertThat(reason(post(PLAIN, safeQuery(TestVectors.text(V, "msg_signature")),
                TestVectors.text(V, "post_body")))).isEqualTo(Reason.WRONG_MODE);
    }

    @Test
    void refuses_an_encrypted_body_sent_without_encrypt_type() {
        assertThat(reason(postPlain(TestVectors.text(V, "post_body")))).isEqualTo(Reason.WRONG_MODE);
    }

    @Test
    void refuses_a_plain_body_sent_as_an_encrypted_push() {
        String xml = eventXml("user_del_card", "<CardId>pCard1</CardId><UserCardCode>123</UserCardCode>");

        assertThat(reason(post(SAFE, safeQuery(PushCrypto.signature(TOKEN, TIMESTAMP, NONCE, "")), xml)))
                .isEqualTo(Reason.WRONG_MODE);
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, -86_400, 86_400})
    void refuses_a_timestamp_outside_the_replay_window(long offsetSeconds) {
        String timestamp = Long.toString(NOW.getEpochSecond() + offsetSeconds);

        assertThat(reason(post(PLAIN, plainQuery(timestamp), eventXml("user_del_card",
                "<CardId>pCard1</CardId><UserCardCode>123</UserCardCode>")))).isEqualTo(Reason.STALE_TIMESTAMP);
    }

    @Test
    void accepts_a_timestamp_just_inside_the_replay_window() {
        String timestamp = Long.toString(NOW.getEpochSecond() - 299);

        assertThat(post(PLAIN, plainQuery(timestamp), eventXml("user_del_card",
                "<CardId>pCard1</CardId><UserCardCode>123</UserCardCode>")).isRight()).isTrue();
    }

    @Test
    void applies_a_configured_replay_window() {
        PushDecoder strict = new PushDecoder(WechatSettings.defaults().withPushReplayWindow(Duration.ofSeconds(10)));
        String timestamp = Long.toString(NOW.getEpochSecond() - 11);

        Either<PushRejection, DecodedPush> result = strict.decode(PLAIN, new PushRequest("POST", plainQuery(timestamp),
                eventXml("user_del_card", "<CardId>pCard1</CardId><UserCardCode>123</UserCardCode>")
                        .getBytes(StandardCharsets.UTF_8)), NOW);

        assertThat(reason(result)).isEqualTo(Reason.STALE_TIMESTAMP);
    }

    @Test
    void answers_the_echostr_handshake_when_the_signature_holds() {
        Map<String, String> query = plainQuery(TIMESTAMP);
        query.put("echostr", "4839201575");

        Either<PushRejection, DecodedPush> result = decoder.decode(SAFE, new PushRequest("GET", query, null), NOW);

        assertThat(result.get()).isEqualTo(new DecodedPush.Handshake("4839201575"));
    }

    @Test
    void refuses_the_handshake_with_a_wrong_signature() {
        Map<String, String> query = plainQuery(TIMESTAMP);
        query.put("echostr", "4839201575");
        query.put("signature", "1".repeat(40));

        assertThat(reason(decoder.decode(PLAIN, new PushRequest("GET", query, null), NOW)))
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    // ---- size, XML, crypto attacks ----------------------------------------------------------------------------

    @Test
    void refuses_a_body_over_the_size_limit_before_reading_it() {
        PushDecoder small = new PushDecoder(WechatSettings.defaults().withMaxPushBytes(2048));
        byte[] big = new byte[2049];

        assertThat(reason(small.decode(PLAIN, new PushRequest("POST", plainQuery(TIMESTAMP), big), NOW)))
                .isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void refuses_internal_entity_expansion_the_billion_laughs() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<xml><FromUserName>&b;</FromUserName></xml>";

        assertThat(reason(postPlain(xml))).isEqualTo(Reason.UNSAFE_XML);
    }

    @Test
    void refuses_a_doctype_hidden_inside_an_encrypted_push() throws Exception {
        String encrypt = encrypt(AES_KEY, TestVectors.text(V, "plain_xxe_body"), APP_ID);

        assertThat(reason(postEncrypted(encrypt))).isEqualTo(Reason.UNSAFE_XML);
    }

    @Test
    void does_not_process_xinclude() {
        String xml = eventXml("user_del_card", "<CardId>pCard1</CardId><UserCardCode>123</UserCardCode>"
                + "<x xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/hostname\" "
                + "parse=\"text\"/></x>");

        WechatEvent event = event(postPlain(xml));

        assertThat(event).isInstanceOf(WechatEvent.CardDeletedByMember.class);
    }

    @Test
    void refuses_a_body_that_is_not_xml() {
        assertThat(reason(postPlain("{\"MsgType\":\"event\"}"))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(postPlain("<xml><MsgType>event</MsgType>"))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void refuses_a_length_field_larger_than_the_decrypted_message() throws Exception {
        byte[] xml = eventXml("user_del_card", "<CardId>pCard1</CardId><UserCardCode>1</UserCardCode>")
                .getBytes(StandardCharsets.UTF_8);
        int unpadded = 20 + xml.length + APP_ID.length();
        int pad = 32 - unpadded % 32;

        assertThat(reason(postEncrypted(encrypt(AES_KEY, xml, APP_ID, xml.length + 1000, pad, pad))))
                .isEqualTo(Reason.MALFORMED);
        assertThat(reason(postEncrypted(encrypt(AES_KEY, xml, APP_ID, -1, pad, pad)))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void refuses_padding_outside_1_to_32_or_inconsistent() throws Exception {
        byte[] xml = eventXml("user_del_card", "<CardId>pCard1</CardId><UserCardCode>1</UserCardCode>")
                .getBytes(StandardCharsets.UTF_8);
        int unpadded = 20 + xml.length + APP_ID.length();
        int pad = 32 - unpadded % 32;
        int padForZero = pad == 32 ? 32 : pad; // keep the length a whole number of blocks

        assertThat(reason(postEncrypted(encrypt(AES_KEY, xml, APP_ID, xml.length, 0, padForZero))))
                .isEqualTo(Reason.MALFORMED);
        assertThat(reason(postEncrypted(encrypt(AES_KEY, xml, APP_ID, xml.length, 33, pad + 32))))
                .isEqualTo(Reason.MALFORMED);
        String spaced = eventXml("user_del_card", "<CardId>pCard1</CardId><UserCardCode>1</UserCardCode>");
        byte[] longer;
        int n;
        do { // at least 2 bytes of padding, so that they can disagree
            spaced = spaced.replace("</xml>", " </xml>");
            longer = spaced.getBytes(StandardCharsets.UTF_8);
            n = 32 - (20 + longer.length + APP_ID.length()) % 32;
        } while (n < 2);
        byte[] inconsistent = new byte[n];
        Arrays.fill(inconsistent, (byte) n);
        inconsistent[0] = (byte) (n + 1); // the last byte claims n bytes of padding, but not all of them say so
        assertThat(reason(postEncrypted(encrypt(AES_KEY, longer, APP_ID, longer.length, inconsistent))))
                .isEqualTo(Reason.MALFORMED);
        Arrays.fill(inconsistent, (byte) n);
        assertThat(event(postEncrypted(encrypt(AES_KEY, longer, APP_ID, longer.length, inconsistent))))
                .isInstanceOf(WechatEvent.CardDeletedByMember.class);
    }

    @Test
    void refuses_encrypt_that_is_not_base64_or_not_whole_blocks() {
        assertThat(reason(postEncrypted("not base64 !!"))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(postEncrypted(Base64.getEncoder().encodeToString(new byte[17])))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void decodes_a_safe_mode_push_for_its_own_appid_even_with_its_own_padding_of_a_full_block() throws Exception {
        String xml = eventXml("user_del_card", "<CardId>pCard1</CardId><UserCardCode>123</UserCardCode>");

        assertThat(event(postEncrypted(encrypt(AES_KEY, xml, APP_ID)))).isInstanceOf(WechatEvent.CardDeletedByMember.class);
    }

    // ---- the events of wechat-api.md section 5 ----------------------------------------------------------------

    @Test
    void maps_review_results() {
        WechatEvent passed = event(postPlain(eventXml("card_pass_check", "<CardId>pCard1</CardId>")));
        WechatEvent refused = event(postPlain(eventXml("card_not_pass_check",
                "<CardId>pCard1</CardId><RefuseReason><![CDATA[logo 不清晰]]></RefuseReason>")));

        assertThat(passed).isEqualTo(new WechatEvent.CardReviewPassed(passed.header(), new WechatCardId("pCard1")));
        assertThat(((WechatEvent.CardReviewRejected) refused).refuseReason()).isEqualTo("logo 不清晰");
    }

    @Test
    void maps_a_restored_card_with_empty_strings_as_none() {
        WechatEvent event = event(postPlain(eventXml("user_get_card", "<CardId>pCard1</CardId>"
                + "<IsGiveByFriend>0</IsGiveByFriend><UserCardCode>123</UserCardCode><FriendUserName><![CDATA[]]>"
                + "</FriendUserName><OuterId>0</OuterId><OldUserCardCode><![CDATA[]]></OldUserCardCode>"
                + "<IsRestoreMemberCard>1</IsRestoreMemberCard><IsRecommendByFriend>0</IsRecommendByFriend>")));

        WechatEvent.CardReceived received = (WechatEvent.CardReceived) event;
        assertThat(received.restored()).isTrue();
        assertThat(received.outerStr()).isEmpty();
        assertThat(received.friendUserName()).isEmpty();
        assertThat(received.oldCode()).isEmpty();
    }

    @Test
    void maps_a_card_given_by_a_friend() {
        WechatEvent event = event(postPlain(eventXml("user_get_card", "<CardId>pCard1</CardId>"
                + "<IsGiveByFriend>1</IsGiveByFriend><UserCardCode>124</UserCardCode><FriendUserName><![CDATA[oFriend]]>"
                + "</FriendUserName><OldUserCardCode><![CDATA[123]]></OldUserCardCode><UnionId>uUnion</UnionId>")));

        WechatEvent.CardReceived received = (WechatEvent.CardReceived) event;
        assertThat(received.givenByFriend()).isTrue();
        assertThat(received.friendUserName()).contains("oFriend");
        assertThat(received.oldCode()).contains(new Code("123"));
        assertThat(received.unionId()).contains("uUnion");
        assertThat(received.restored()).isFalse();
    }

    @Test
    void maps_deletion_form_submission_totals_and_consumption() {
        String card = "<CardId>pCard1</CardId><UserCardCode>123</UserCardCode>";

        assertThat(event(postPlain(eventXml("user_del_card", card)))).isInstanceOf(WechatEvent.CardDeletedByMember.class);
        assertThat(event(postPlain(eventXml("submit_membercard_user_info", card))))
                .isInstanceOf(WechatEvent.ActivationFormSubmitted.class);
        WechatEvent.MemberTotalsChanged totals = (WechatEvent.MemberTotalsChanged) event(postPlain(eventXml(
                "update_member_card", card + "<ModifyBonus>-20</ModifyBonus><ModifyBalance>1500</ModifyBalance>")));
        assertThat(totals.modifyBonus()).isEqualTo(-20);
        assertThat(totals.modifyBalance()).isEqualTo(1500);
        WechatEvent.CardConsumed consumed = (WechatEvent.CardConsumed) event(postPlain(eventXml("user_consume_card",
                card + "<ConsumeSource>FROM_API</ConsumeSource><LocationName><![CDATA[]]></LocationName>"
                        + "<StaffOpenId>oStaff</StaffOpenId><OuterStr>till_3</OuterStr>")));
        assertThat(consumed.consumeSource()).contains("FROM_API");
        assertThat(consumed.locationName()).isEmpty();
        assertThat(consumed.staffOpenId()).contains("oStaff");
        assertThat(consumed.outerStr()).contains("till_3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"subscribe", "some_future_event"})
    void keeps_events_it_does_not_model_as_other_with_all_their_fields(String name) {
        WechatEvent event = event(postPlain(eventXml(name, "<CardId>pCard1</CardId><UserCardCode>123</UserCardCode>"
                + "<Detail>the stock is low</Detail>")));

        WechatEvent.Other other = (WechatEvent.Other) event;
        assertThat(other.header().event()).isEqualTo(name);
        assertThat(other.cardId()).contains(new WechatCardId("pCard1"));
        assertThat(other.code()).contains(new Code("123"));
        assertThat(other.fields()).containsEntry("Detail", "the stock is low");
    }

    @Test
    void maps_gifting_views_sessions_stock_alerts_pay_cell_payments_and_coupon_point_orders() {
        String card = "<CardId>pCard1</CardId><UserCardCode>123</UserCardCode>";
        WechatEvent.CardGifting gifting = (WechatEvent.CardGifting) event(postPlain(eventXml("user_gifting_card", card
                + "<IsReturnBack>0</IsReturnBack><FriendUserName>oFriend</FriendUserName><IsChatRoom>0</IsChatRoom>")));
        assertThat(gifting.returnedBack()).isFalse();
        assertThat(gifting.friendUserName()).contains("oFriend");
        assertThat(((WechatEvent.CardGifting) event(postPlain(eventXml("user_gifting_card", card
                + "<IsReturnBack>1</IsReturnBack><IsChatRoom>1</IsChatRoom>")))).returnedBack()).isTrue();
        assertThat(((WechatEvent.CardViewed) event(postPlain(eventXml("user_view_card", card
                + "<OuterStr>poster</OuterStr>")))).outerStr()).contains("poster");
        assertThat(event(postPlain(eventXml("user_enter_session_from_card", card))))
                .isInstanceOf(WechatEvent.SessionFromCard.class);
        assertThat(((WechatEvent.StockLow) event(postPlain(eventXml("card_sku_remind",
                "<CardId>pCard1</CardId><Detail>the card's stock is 100</Detail>")))).detail())
                .isEqualTo("the card's stock is 100");
        WechatEvent.PaidFromPayCell paid = (WechatEvent.PaidFromPayCell) event(postPlain(eventXml(
                "user_pay_from_pay_cell", card + "<TransId>4200000001</TransId><LocationId>7</LocationId>"
                        + "<Fee>990</Fee><OriginalFee>1200</OriginalFee>")));
        assertThat(paid.fee()).isEqualTo(Fen.of(990));
        assertThat(paid.originalFee()).isEqualTo(Fen.of(1200));
        assertThat(paid.transId()).isEqualTo("4200000001");
        assertThat(reason(postPlain(eventXml("user_pay_from_pay_cell", card + "<TransId>1</TransId><Fee>9.9</Fee>"))))
                .as("a fraction of a fen is refused, never truncated").isEqualTo(Reason.MALFORMED);
        WechatEvent.CouponPointsOrder order = (WechatEvent.CouponPointsOrder) event(postPlain(eventXml("card_pay_order",
                "<OrderId>100</OrderId><Status>ORDER_STATUS_SUCC</Status><PayCoinCount>5</PayCoinCount>")));
        assertThat(order.orderId()).isEqualTo("100");
        assertThat(order.status()).contains("ORDER_STATUS_SUCC");
        assertThat(order.fields()).containsEntry("PayCoinCount", "5");
    }

    @Test
    void keeps_an_event_without_card_as_other_without_card() {
        WechatEvent.Other other = (WechatEvent.Other) event(postPlain(eventXml("subscribe", "")));

        assertThat(other.cardId()).isEmpty();
        assertThat(other.code()).isEmpty();
    }

    @Test
    void passes_a_message_that_is_not_an_event_with_its_msgid() {
        String xml = "<xml><ToUserName>gh_1</ToUserName><FromUserName>oMember1</FromUserName><CreateTime>" + TIMESTAMP
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[<!DOCTYPE is only text here]]>"
                + "</Content><MsgId>23637352235060880</MsgId></xml>";

        Either<PushRejection, DecodedPush> result = postPlain(xml);

        assertThat(result.get()).isEqualTo(new DecodedPush.Message("text", "oMember1", Option.of("23637352235060880"),
                Long.parseLong(TIMESTAMP)));
    }

    @Test
    void refuses_a_card_event_without_its_card_or_with_a_code_that_cannot_be_one() {
        assertThat(reason(postPlain(eventXml("user_del_card", "<UserCardCode>123</UserCardCode>"))))
                .isEqualTo(Reason.MALFORMED);
        assertThat(reason(postPlain(eventXml("user_del_card", "<CardId>pCard1</CardId><UserCardCode>1 2</UserCardCode>"))))
                .isEqualTo(Reason.MALFORMED);
        assertThat(reason(postPlain("<xml><FromUserName>o1</FromUserName><CreateTime>x</CreateTime>"
                + "<MsgType>event</MsgType><Event>user_del_card</Event></xml>"))).isEqualTo(Reason.MALFORMED);
    }
}
