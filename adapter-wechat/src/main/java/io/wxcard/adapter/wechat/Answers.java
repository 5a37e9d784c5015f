package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import java.util.List;
import java.util.function.Function;

/** Reading WeChat's answers into the domain's value objects, tolerantly: what is missing or malformed is named. */
final class Answers {

    private Answers() {}

    static WechatError missing(String field) {
        return new WechatError(Kind.TRANSIENT, "unreadable_answer", "WeChat's answer lacks " + field);
    }

    static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Empty text is no value: WeChat sends {@code ""} for absent strings. */
    static Option<String> text(String value) {
        return Option.of(value).filter(v -> !v.isEmpty());
    }

    static Either<WechatError, WechatCardId> cardId(String value, String field) {
        return valueOf(value, field, WechatCardId::new);
    }

    static Either<WechatError, Code> code(String value, String field) {
        return valueOf(value, field, Code::new);
    }

    static Either<WechatError, OpenId> openId(String value, String field) {
        return valueOf(value, field, OpenId::new);
    }

    private static <T> Either<WechatError, T> valueOf(String value, String field, Function<String, T> make) {
        if (value == null || value.isEmpty()) {
            return Either.left(missing(field));
        }
        try {
            return Either.right(make.apply(value));
        } catch (IllegalArgumentException e) {
            return Either.left(new WechatError(Kind.TRANSIENT, "unreadable_answer",
                    "WeChat's answer holds an unusable " + field + ": " + e.getMessage()));
        }
    }
}
