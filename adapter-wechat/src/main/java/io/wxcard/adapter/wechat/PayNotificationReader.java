package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.application.port.out.wechat.WechatPayNotificationReader;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/**
 * {@link WechatPayNotificationReader}: {@link WechatPayNotifications#verify} with the platform keys the adapter trusts
 * for the merchant's answers ({@link PlatformKeys}: the configured one and the certificates downloaded from
 * {@code GET /v3/certificates}, so a rotation's new serial is believed once WeChat Pay lists it), then the {@code resource} decrypted with the APIv3 key and read: {@code event_type}, {@code card_id}, {@code code},
 * {@code openid}, {@code unionid}, {@code outer_str}, {@code activate_scene}, {@code event_time} (RFC 3339), as the
 * MEMBERCARD.* notification pages and SKIT's {@code MarketingMemberCardResource} list them.
 */
final class PayNotificationReader implements WechatPayNotificationReader {

    private final Clock clock;
    private final PayClient client;
    private final PlatformKeys platformKeys;

    PayNotificationReader(Clock clock, PayClient client, PlatformKeys platformKeys) {
        this.clock = clock;
        this.client = client;
        this.platformKeys = platformKeys;
    }

    @Override
    public Either<WechatError, MemberCardNotification> read(MerchantCredentials merchant,
                                                            Map<String, ? extends Collection<String>> headers,
                                                            byte[] body) {
        PayClient.Merchant keys;
        try {
            keys = client.merchant(merchant);
        } catch (IllegalArgumentException e) {
            return Either.left(new WechatError(Kind.CLIENT_ERROR, "invalid_platform_key", e.getMessage()));
        }
        return WechatPayNotifications.verify(headers, body, platformKeys.trustedForNotifications(keys), clock.now())
                .flatMap(verified -> json(body))
                .flatMap(notification -> {
                    JsonNode resource = notification.path("resource");
                    return WechatPayNotifications.decryptResource(merchant.apiV3Key(),
                                    PayClient.text(resource, "associated_data"), String.valueOf(
                                            PayClient.text(resource, "nonce")), String.valueOf(
                                            PayClient.text(resource, "ciphertext")))
                            .flatMap(PayNotificationReader::json)
                            .flatMap(plain -> notification(notification, plain));
                });
    }

    private static Either<WechatError, MemberCardNotification> notification(JsonNode outer, JsonNode plain) {
        String id = PayClient.text(outer, "id");
        String eventType = PayClient.text(outer, "event_type");
        String cardId = PayClient.text(plain, "card_id");
        String openid = PayClient.text(plain, "openid");
        if (id == null || eventType == null || cardId == null || openid == null) {
            return unreadable("it lacks id, event_type, card_id or openid");
        }
        Instant eventTime;
        try {
            String time = PayClient.text(plain, "event_time");
            eventTime = time == null ? Instant.EPOCH : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return unreadable("its event_time is not an RFC 3339 time");
        }
        try {
            return Either.right(new MemberCardNotification(id, eventType, new WechatCardId(cardId),
                    Option.of(PayClient.text(plain, "code")).map(Code::new), new OpenId(openid),
                    Option.of(PayClient.text(plain, "unionid")), Option.of(PayClient.text(plain, "outer_str")),
                    Option.of(PayClient.text(plain, "activate_scene")), eventTime));
        } catch (IllegalArgumentException e) {
            return unreadable("a card_id, code or openid in it is malformed");
        }
    }

    private static Either<WechatError, JsonNode> json(byte[] bytes) {
        try {
            JsonNode node = WechatJson.MAPPER.readTree(bytes);
            return node != null && node.isObject() ? Either.right(node) : unreadable("it is not a JSON object");
        } catch (IOException e) {
            return unreadable("it is not JSON");
        }
    }

    private static Either<WechatError, JsonNode> json(String text) {
        return json(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static <T> Either<WechatError, T> unreadable(String why) {
        return Either.left(new WechatError(Kind.UNTRUSTED_ANSWER, "unreadable_notification",
                "the WeChat Pay notification cannot be read: " + why));
    }
}
