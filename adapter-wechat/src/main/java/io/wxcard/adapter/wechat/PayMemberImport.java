package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.wxcard.adapter.wechat.WechatCallException.Repeat;
import io.wxcard.application.port.out.wechat.ImportRequest;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.application.port.out.wechat.WechatMemberImport;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * {@link WechatMemberImport} over WeChat Pay v3 {@code POST /v3/marketing/membercard-open/cards/{card_id}/users/import}.
 * Every attempt is signed afresh over the same body, so the {@code out_request_no} travels unchanged on retries; every
 * answer is verified with the platform keys the merchant trusts ({@link PlatformKeys}, which follow rotations).
 * "Already imported" is WeChat Pay's 400 INVALID_REQUEST with the message "会员已经领取过该卡" (membercard-open error
 * table; "用户已有已生效的会员卡" in the brand API): success, with the member's code read from
 * {@code GET /v3/marketing/membercard-open/user/cards}, since that refusal names none.
 */
final class PayMemberImport implements WechatMemberImport {
    static final Set<String> ALREADY_IMPORTED = Set.of("会员已经领取过该卡", "用户已有已生效的会员卡");
    private static final String PATH = "/v3/marketing/membercard-open/cards/%s/users/import";
    private static final String USER_CARDS = "/v3/marketing/membercard-open/user/cards?openid=%s&offset=%d&limit=%d";
    /** WeChat Pay's page size limit for the user's cards. */
    private static final int PAGE = 20;
    private static final Method IMPORT = PayClient.endpoint("importMember");
    private static final Method USER_CARDS_ENDPOINT = PayClient.endpoint("userCards");

    /** The body, field for field; absent code left out. */
    record ImportBody(String openid, String code, String outRequestNo) {}

    private final PayApi api;
    private final PayCalls calls;

    PayMemberImport(PayApi api, PayCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    @Override
    public Either<WechatError, Code> importMember(MerchantCredentials credentials, ImportRequest request) {
        String cardId = request.cardId().value();
        return calls.call(credentials, IMPORT, "POST", String.format(PATH, cardId),
                new ImportBody(request.openId().value(), request.code().map(Code::value).getOrNull(),
                        request.outRequestNo()),
                (merchant, authorization, serial, body) -> api.importMember(cardId, authorization, serial, body),
                (merchant, raw) -> {
                    if (raw.status() / 100 == 2) {
                        return PayCalls.code(raw.json(), "code");
                    }
                    PayClient.PayError error = PayClient.error(raw);
                    if (!"INVALID_REQUEST".equals(error.code()) || !ALREADY_IMPORTED.contains(error.message().trim())) {
                        throw PayClient.thrown(error);
                    }
                    return heldCode(merchant, request, error);
                });
    }

    /** The code of the card the openid already holds, from the user's cards under the brand. */
    private Code heldCode(PayClient.Merchant merchant, ImportRequest request, PayClient.PayError refusal) {
        String openid = request.openId().value();
        for (int offset = 0; ; offset++) {
            int page = offset;
            JsonNode answer = calls.within(merchant, USER_CARDS_ENDPOINT, "GET",
                    String.format(USER_CARDS, openid, page, PAGE), new byte[0],
                    (m, authorization, serial, body) -> api.userCards(openid, page, PAGE, authorization, serial),
                    (m, raw) -> PayCalls.success(raw));
            JsonNode data = answer == null ? null : answer.get("data");
            if (data == null || !data.isArray() || data.isEmpty()) {
                throw new WechatCallException(new WechatError(Kind.CONFLICT, refusal.code(), refusal.message()
                        + " (already imported, but the openid's cards do not list this card)"), Repeat.NEVER);
            }
            for (JsonNode card : data) {
                if (request.cardId().value().equals(PayClient.text(card, "card_id"))) {
                    return PayCalls.code(card, "code");
                }
            }
            if ((long) (offset + 1) * PAGE >= answer.path("total_count").asLong(0)) {
                throw new WechatCallException(new WechatError(Kind.CONFLICT, refusal.code(), refusal.message()
                        + " (already imported, but the openid's cards do not list this card)"), Repeat.NEVER);
            }
        }
    }
}
