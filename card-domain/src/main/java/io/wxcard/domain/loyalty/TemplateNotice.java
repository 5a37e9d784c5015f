package io.wxcard.domain.loyalty;

import io.vavr.control.Option;
import io.wxcard.domain.shared.Text;
import java.util.Locale;

/**
 * A template message ({@code message/template/send}) the merchant chose for a kind of change: which of the
 * account's templates, the marketing line it carries ({@code remark}) and the page it opens.
 */
public record TemplateNotice(String templateId, String marketingLine, Option<String> link) {

    public static final int MAX_MARKETING_LENGTH = 200;
    public static final int MAX_LINK_LENGTH = 1024;

    public TemplateNotice {
        Text.requireIdentifier(templateId, "template_id", 128);
        Text.requireText(marketingLine, "marketing line", MAX_MARKETING_LENGTH);
        link = link == null ? Option.none() : link;
        link.forEach(url -> {
            Text.requireText(url, "link", MAX_LINK_LENGTH);
            String lower = url.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
                throw new IllegalArgumentException("a template message's link is an http(s) URL, got " + url);
            }
        });
    }
}
