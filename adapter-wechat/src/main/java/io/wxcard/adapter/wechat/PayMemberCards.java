package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.adapter.wechat.WechatCallException.Repeat;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatPayMemberCards;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link WechatPayMemberCards} over membercard-open: {@code GET}/{@code PATCH .../cards/{card_id}/codes/{code}},
 * {@code PATCH .../codes/{code}/rights}, {@code POST .../codes/{code}/activate}, {@code GET .../decrypt-code} and
 * {@code GET .../activate-informations/{activate_ticket}} (wechatpay-im's reference pages and WeChat Pay's
 * {@code get-member-code-info} page; FIDELITY.md section 21). Money and points are integers (fen).
 */
final class PayMemberCards implements WechatPayMemberCards {
    private static final String BASE = "/v3/marketing/membercard-open/cards/%s/codes/%s";
    private static final Method GET = PayClient.endpoint("memberCard");
    private static final Method UPDATE = PayClient.endpoint("updateMemberCard");
    private static final Method RIGHTS = PayClient.endpoint("updateRights");
    private static final Method ACTIVATE = PayClient.endpoint("activateMemberCard");
    private static final Method DECRYPT = PayClient.endpoint("decryptCode");
    private static final Method INFORMATION = PayClient.endpoint("activateInformation");

    /** The bodies, field for field (snake_case by {@link WechatJson}); absent fields left out. */
    record BalanceInformation(long beforeBalance, long balance, long addBalance, String balanceRemark) {}

    record UpdateBody(String outRequestNo, BalanceInformation balanceInformation) {}

    record RightsBody(long beforeBonusValue, long bonusValue, long addBonusValue, String outRequestNo) {}

    record ActivateBody(String membershipNumber) {}

    private final PayApi api;
    private final PayCalls calls;

    PayMemberCards(PayApi api, PayCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    @Override
    public Either<WechatError, PayMemberCard> memberCard(MerchantCredentials merchant, WechatCardId cardId, Code code) {
        return calls.call(merchant, GET, "GET", String.format(BASE, cardId.value(), code.value()), null,
                (m, authorization, serial, body) -> api.memberCard(cardId.value(), code.value(), authorization, serial),
                (m, raw) -> card(cardId, PayCalls.success(raw)));
    }

    @Override
    public Either<WechatError, Done> changeBalance(MerchantCredentials merchant, TotalChange change) {
        return calls.call(merchant, UPDATE, "PATCH", String.format(BASE, change.cardId().value(), change.code().value()),
                new UpdateBody(change.outRequestNo(), new BalanceInformation(change.before(), change.after(),
                        change.after() - change.before(), change.remark().getOrNull())),
                (m, authorization, serial, body) -> api.updateMemberCard(change.cardId().value(),
                        change.code().value(), authorization, serial, body),
                (m, raw) -> done(raw));
    }

    @Override
    public Either<WechatError, Done> changeBonus(MerchantCredentials merchant, TotalChange change) {
        return calls.call(merchant, RIGHTS, "PATCH",
                String.format(BASE, change.cardId().value(), change.code().value()) + "/rights",
                new RightsBody(change.before(), change.after(), change.after() - change.before(), change.outRequestNo()),
                (m, authorization, serial, body) -> api.updateRights(change.cardId().value(), change.code().value(),
                        authorization, serial, body),
                (m, raw) -> done(raw));
    }

    @Override
    public Either<WechatError, Done> activate(MerchantCredentials merchant, WechatCardId cardId, Code code,
                                              Option<String> membershipNumber) {
        return calls.call(merchant, ACTIVATE, "POST", String.format(BASE, cardId.value(), code.value()) + "/activate",
                new ActivateBody(membershipNumber.getOrNull()),
                (m, authorization, serial, body) -> api.activateMemberCard(cardId.value(), code.value(), authorization,
                        serial, body),
                (m, raw) -> done(raw));
    }

    @Override
    public Either<WechatError, Code> decryptCode(MerchantCredentials merchant, WechatCardId cardId,
                                                 String encryptCode) {
        String encoded = URLEncoder.encode(encryptCode, StandardCharsets.UTF_8);
        return calls.call(merchant, DECRYPT, "GET", "/v3/marketing/membercard-open/cards/" + cardId.value()
                        + "/decrypt-code?encrypt_code=" + encoded, null,
                (m, authorization, serial, body) -> api.decryptCode(cardId.value(), encoded, authorization, serial),
                (m, raw) -> PayCalls.code(PayCalls.success(raw), "code"));
    }

    @Override
    public Either<WechatError, Map<String, String>> activationInformation(MerchantCredentials merchant,
                                                                         String activateTicket) {
        String ticket = URLEncoder.encode(activateTicket, StandardCharsets.UTF_8);
        return calls.call(merchant, INFORMATION, "GET", "/v3/marketing/membercard-open/activate-informations/" + ticket,
                null, (m, authorization, serial, body) -> api.activateInformation(ticket, authorization, serial),
                (m, raw) -> answers(PayCalls.success(raw)));
    }

    private static Done done(PayClient.Raw raw) {
        PayCalls.success(raw);
        return Done.DONE;
    }

    private static PayMemberCard card(WechatCardId cardId, JsonNode answer) {
        if (answer == null) {
            throw new WechatCallException(Answers.missing("code"), Repeat.NEVER);
        }
        Option<OpenId> openId = Option.of(PayClient.text(answer, "openid")).map(value -> Answers.openId(value, "openid")
                .getOrElseThrow(error -> new WechatCallException(error, Repeat.NEVER)));
        return new PayMemberCard(cardId, PayCalls.code(answer, "code"), openId,
                Option.of(PayClient.text(answer, "membership_number")), Option.of(PayClient.text(answer, "level")),
                Points.of(whole(answer, "bonus_value")), Fen.of(whole(answer, "balance")),
                Option.of(PayClient.text(answer, "user_card_status")).getOrElse("UNKNOWN"),
                answers(answer));
    }

    /** An integer or absent (0); a decimal is an error, never truncated (issue 14 item 10). */
    private static long whole(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0) {
            throw new WechatCallException(new WechatError(WechatError.Kind.UNTRUSTED_ANSWER, "malformed_answer",
                    field + " is not a whole, non-negative number"), Repeat.NEVER);
        }
        return value.asLong();
    }

    private static Map<String, String> answers(JsonNode answer) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode info = answer == null ? null : answer.path("user_information");
        if (info == null) {
            return out;
        }
        for (String list : new String[] {"common_field_list", "custom_field_list"}) {
            for (JsonNode field : info.path(list)) {
                String name = PayClient.text(field, "name");
                if (name != null) {
                    out.put(name, field.path("value").asText(""));
                }
            }
        }
        return out;
    }
}
