package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Reads a WeChat Pay member-card notification as it arrived: its signature is checked against the platform keys the
 * merchant trusts, then its {@code resource} is decrypted with the APIv3 key (AEAD_AES_256_GCM). A notification that
 * fails either is {@link WechatError.Kind#UNTRUSTED_ANSWER}.
 */
public interface WechatPayNotificationReader {

    Either<WechatError, MemberCardNotification> read(MerchantCredentials merchant,
                                                     Map<String, ? extends Collection<String>> headers, byte[] body);

    /**
     * One {@code MEMBERCARD.*} notification, decrypted.
     *
     * @param id        WeChat Pay's id of the notification: the same on every retry
     * @param eventType {@code MEMBERCARD.ACCEPT_CARD}, {@code MEMBERCARD.ACTIVATE_CARD} or
     *                  {@code MEMBERCARD.USERCARD_MANAGE}
     */
    record MemberCardNotification(String id, String eventType, WechatCardId cardId, Option<Code> code, OpenId openId,
                                  Option<String> unionId, Option<String> outerStr, Option<String> scene,
                                  Instant eventTime) {
        public static final String ACCEPT_CARD = "MEMBERCARD.ACCEPT_CARD";
        public static final String ACTIVATE_CARD = "MEMBERCARD.ACTIVATE_CARD";
        public static final String USERCARD_MANAGE = "MEMBERCARD.USERCARD_MANAGE";
    }
}
