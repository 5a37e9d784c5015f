package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.util.Map;

/**
 * A member's card through WeChat Pay's member-card API (membercard-open), which WeChat Pay requires once a card is
 * upgraded: read it, set its balance and points, activate it from the merchant's page, turn the page's
 * {@code encrypt_code} into the code and read the form answers behind an {@code activate_ticket}. Every change names
 * the total before and after it, so a change made on a stale total is refused rather than applied twice.
 */
public interface WechatPayMemberCards {

    /** What WeChat Pay holds of a member's card ({@code user_card_status}: NOT_ACTIVATE, EFFECTIVE, EXPIRE, ...). */
    record PayMemberCard(WechatCardId cardId, Code code, Option<OpenId> openId, Option<String> membershipNumber,
                         Option<String> level, Points bonus, Fen balance, String status, Map<String, String> answers) {}

    /** A change of one total from {@code before} to {@code after}; {@code outRequestNo} makes a repeat harmless. */
    record TotalChange(WechatCardId cardId, Code code, long before, long after, Option<String> remark,
                       String outRequestNo) {
        public TotalChange {
            if (before < 0 || after < 0) {
                throw new IllegalArgumentException("totals are never negative");
            }
            if (outRequestNo == null || outRequestNo.isBlank() || outRequestNo.length() > 32) {
                throw new IllegalArgumentException("out_request_no is 1 to 32 characters");
            }
        }
    }

    Either<WechatError, PayMemberCard> memberCard(MerchantCredentials merchant, WechatCardId cardId, Code code);

    /** {@code PATCH .../codes/{code}} with {@code balance_information}. */
    Either<WechatError, Done> changeBalance(MerchantCredentials merchant, TotalChange change);

    /** {@code PATCH .../codes/{code}/rights} with the points before and after. */
    Either<WechatError, Done> changeBonus(MerchantCredentials merchant, TotalChange change);

    /** The jump-type activation; the same again is harmless. */
    Either<WechatError, Done> activate(MerchantCredentials merchant, WechatCardId cardId, Code code,
                                       Option<String> membershipNumber);

    Either<WechatError, Code> decryptCode(MerchantCredentials merchant, WechatCardId cardId, String encryptCode);

    /** The form answers behind an {@code activate_ticket}, by field name ({@code USER_FORM_FLAG_*} or custom). */
    Either<WechatError, Map<String, String>> activationInformation(MerchantCredentials merchant, String activateTicket);
}
