package io.wxcard.application.port.out.wechat;

import io.vavr.control.Option;
import io.wxcard.domain.membership.OpenId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A template message to one member ({@code cgi-bin/message/template/send}): the account's template, the page it opens,
 * and the value of each of the template's keys ({@code first}, {@code keyword1..n}, {@code remark}), in order.
 */
public record TemplateMessage(OpenId toUser, String templateId, Option<String> url, Map<String, String> data) {
    public TemplateMessage {
        Objects.requireNonNull(toUser, "openid");
        Objects.requireNonNull(templateId, "template id");
        url = url == null ? Option.none() : url;
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
