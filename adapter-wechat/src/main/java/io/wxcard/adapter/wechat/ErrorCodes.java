package io.wxcard.adapter.wechat;

import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import java.util.Locale;
import java.util.Map;

/** WeChat's error codes to the kinds a caller acts on (wechat-api.md, section 7). */
final class ErrorCodes {

    /** The token errors: compare-and-expire, refresh once, retry once. */
    static boolean isTokenError(long errcode) {
        return errcode == 40001 || errcode == 40014 || errcode == 42001;
    }

    private static final Map<Long, Kind> OFFICIAL_ACCOUNT = Map.ofEntries(
            Map.entry(-1L, Kind.TRANSIENT),
            Map.entry(40001L, Kind.INVALID_TOKEN),
            Map.entry(40014L, Kind.INVALID_TOKEN),
            Map.entry(42001L, Kind.INVALID_TOKEN),
            Map.entry(41001L, Kind.INVALID_TOKEN),
            Map.entry(45009L, Kind.QUOTA),
            Map.entry(45011L, Kind.QUOTA),
            Map.entry(40164L, Kind.FORBIDDEN),
            Map.entry(48001L, Kind.FORBIDDEN),
            Map.entry(43010L, Kind.FORBIDDEN),
            Map.entry(45030L, Kind.FORBIDDEN),
            // wrong appid or appsecret: the account's credentials are refused; fix them, do not retry
            Map.entry(40013L, Kind.FORBIDDEN),
            Map.entry(40125L, Kind.FORBIDDEN),
            Map.entry(40056L, Kind.NOT_FOUND),
            Map.entry(40116L, Kind.NOT_FOUND),
            Map.entry(40073L, Kind.NOT_FOUND), // invalid card_id
            Map.entry(40075L, Kind.NOT_FOUND), // invalid encrypt_code
            Map.entry(40078L, Kind.CONFLICT),
            Map.entry(40099L, Kind.CONFLICT),
            Map.entry(40127L, Kind.CONFLICT),
            Map.entry(45031L, Kind.CONFLICT),
            Map.entry(45033L, Kind.CONFLICT),
            Map.entry(41011L, Kind.CLIENT_ERROR),
            Map.entry(41012L, Kind.CLIENT_ERROR),
            Map.entry(45021L, Kind.CLIENT_ERROR),
            Map.entry(40122L, Kind.CLIENT_ERROR),
            Map.entry(40124L, Kind.CLIENT_ERROR),
            // media/uploadimg: invalid file type, invalid image size, media data missing; card/create, update,
            // activate, updateuser: a picture not on WeChat's host (FIDELITY.md section 2)
            Map.entry(40005L, Kind.CLIENT_ERROR),
            Map.entry(40009L, Kind.CLIENT_ERROR),
            Map.entry(41005L, Kind.CLIENT_ERROR),
            Map.entry(40141L, Kind.CLIENT_ERROR),
            // issue 17 (FIDELITY.md section 20): a tag name taken, a tag id unknown, a customer-service message
            // outside the member's 48 hours, the account's 100 tags
            Map.entry(45157L, Kind.CONFLICT),
            Map.entry(45159L, Kind.NOT_FOUND),
            Map.entry(45015L, Kind.CONFLICT),
            Map.entry(45056L, Kind.CONFLICT),
            // message/template/send: the member does not follow the account (FIDELITY.md section 19)
            Map.entry(43004L, Kind.NOT_FOLLOWING));

    private ErrorCodes() {}

    /** The kind of an Official Account errcode; codes not listed are our request's fault and not retried. */
    static Kind ofErrcode(long errcode) {
        return OFFICIAL_ACCOUNT.getOrDefault(errcode, Kind.CLIENT_ERROR);
    }

    static WechatError ofAnswer(long errcode, String errmsg) {
        return new WechatError(ofErrcode(errcode), Long.toString(errcode),
                errmsg == null || errmsg.isBlank() ? "(no errmsg)" : errmsg);
    }

    /** The kind of an HTTP status that came without a usable WeChat answer. */
    static Kind ofHttpStatus(int status) {
        if (status >= 500) {
            return Kind.TRANSIENT;
        }
        return switch (status) {
            case 429 -> Kind.QUOTA;
            case 401, 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 408 -> Kind.TRANSIENT;
            default -> Kind.CLIENT_ERROR;
        };
    }

    /**
     * WeChat Pay's business errors come as 400 INVALID_REQUEST told apart only by their message (the membercard-open
     * error table): these say what the refusal means.
     */
    private static final Map<String, Kind> PAY_MESSAGES = Map.of(
            "会员卡ID无效", Kind.NOT_FOUND, // card_id invalid
            "会员卡的创建商户号不等于调用方商户号", Kind.FORBIDDEN, // the card was made by another merchant
            "请先升级会员卡才能使用此功能", Kind.FORBIDDEN, // the card must be upgraded first
            "用户已有待激活的会员卡", Kind.CONFLICT); // brand API: the member already has a pending card

    /** The kind of a WeChat Pay v3 error, read from its message first where WeChat Pay tells them apart so. */
    static Kind ofPayError(int status, String code, String message) {
        Kind byMessage = message == null ? null : PAY_MESSAGES.get(message.trim());
        return byMessage != null ? byMessage : ofPayCode(status, code);
    }

    /**
     * The kind of a WeChat Pay v3 error ({@code code} with its HTTP status). 401 SIGN_ERROR is our signature or
     * clock: a client error, since sending the same again fails the same way.
     */
    static Kind ofPayCode(int status, String code) {
        String c = code == null ? "" : code.toUpperCase(Locale.ROOT);
        return switch (c) {
            case "SYSTEM_ERROR", "SYSTEMERROR", "SERVICE_UNAVAILABLE" -> Kind.TRANSIENT;
            case "RATELIMIT_EXCEEDED", "RATE_LIMITED", "FREQUENCY_LIMITED", "FREQUENCY_LIMIT_EXCEED" -> Kind.QUOTA;
            case "NO_AUTH", "ACCOUNT_ERROR" -> Kind.FORBIDDEN;
            case "RESOURCE_NOT_EXISTS", "NOT_FOUND", "ORDER_NOT_EXIST", "USER_NOT_EXISTS" -> Kind.NOT_FOUND;
            case "SIGN_ERROR", "PARAM_ERROR", "INVALID_REQUEST" -> Kind.CLIENT_ERROR;
            default -> ofHttpStatus(status);
        };
    }
}
