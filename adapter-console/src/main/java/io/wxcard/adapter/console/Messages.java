package io.wxcard.adapter.console;

import io.javalin.http.Context;
import io.wxcard.application.port.in.Failure;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's words in one language: Chinese by default, English when the operator switched to it (a cookie).
 * The bundles are {@code console/messages.properties} (Chinese) and {@code console/messages_en.properties}.
 */
final class Messages {

    static final String COOKIE = "wxcard_lang";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Messages CHINESE = new Messages("zh", ResourceBundle.getBundle("console.messages",
            Locale.ROOT, NO_FALLBACK));
    private static final Messages ENGLISH = new Messages("en", ResourceBundle.getBundle("console.messages",
            Locale.ENGLISH, NO_FALLBACK));

    private final String language;
    private final ResourceBundle bundle;

    private Messages(String language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    static Messages of(Context ctx) {
        return "en".equals(ctx.cookie(COOKIE)) ? ENGLISH : CHINESE;
    }

    static Messages forLanguage(String language) {
        return "en".equals(language) ? ENGLISH : CHINESE;
    }

    /** {@code zh} or {@code en}, for {@code <html lang>}. */
    String language() {
        return language;
    }

    /** The other language, which the switch offers. */
    String otherLanguage() {
        return "en".equals(language) ? "zh" : "en";
    }

    String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException missing) {
            return key; // a missing word shows its key, and MessagesTest finds it
        }
    }

    String format(String key, Object... arguments) {
        return new MessageFormat(get(key), Locale.ROOT).format(arguments);
    }

    /**
     * A use case's failure in this language, by its kind and, for the domain's refusal, its stable rejection code:
     * the domain's reason is English for the API and logs, and is never parsed here.
     */
    String failure(Failure failure) {
        if (failure instanceof Failure.Rejected rejected) {
            return get("rejection." + rejected.rejection().code().name());
        }
        if (failure instanceof Failure.WechatFailed wechat) {
            // busy, down or out of reach: a refusal it is not, and trying again later may well work
            return format(wechat.error().kind().worthRetryingLater() ? "failure.wechat_unavailable" : "failure.wechat",
                    wechat.error().code(), wechat.error().message());
        }
        return get(failure instanceof Failure.Conflict ? "failure.conflict" : "failure.not_found");
    }

    boolean has(String key) {
        return bundle.containsKey(key);
    }
}
