package io.wxcard.adapter.console;

import io.javalin.http.Context;
import io.vavr.control.Option;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.application.port.out.store.StoreUnavailableException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every signed-in page shares: its frame, and the page for something not found. */
final class Pages {

    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);

    private Pages() {}

    static Chrome chrome(Context ctx, String section) {
        SignedInOperator operator = Guard.operator(ctx);
        return new Chrome(Messages.of(ctx), Option.of(operator), operator.session().csrfToken(), section,
                ctx.path());
    }

    /** Another tenant's ids land here too: they are not found, and nothing says they exist. */
    static void notFound(Context ctx) {
        renderError(ctx, 404, "error.not_found");
    }

    /**
     * Runs a page; when the database cannot be reached, answers a page that says so (503) instead, with nothing
     * changed: the use cases change nothing half-way.
     */
    static void guarded(Context ctx, io.javalin.http.Handler page) throws Exception {
        try {
            page.handle(ctx);
        } catch (StoreUnavailableException down) {
            LOG.warn("console page {} {}: the database is unavailable ({})", ctx.method(), ctx.path(),
                    down.getMessage());
            renderError(ctx, 503, "error.database");
        }
    }

    static void renderError(Context ctx, int status, String messageKey) {
        Messages t = Messages.of(ctx);
        ctx.status(status);
        ctx.render("error.jte", Map.of("chrome", new Chrome(t, Option.none(), "", "", ctx.path()),
                "message", t.get(messageKey)));
    }

    static void home(Context ctx) {
        ctx.redirect(ConsolePaths.CARDS, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    static void refused(ConsoleRefusal refusal, Context ctx) {
        renderError(ctx, refusal.status, refusal.messageKey);
    }

    static void switchLanguage(Context ctx) {
        String language = "en".equals(ctx.queryParam("to")) ? "en" : "zh";
        ctx.cookie(Messages.COOKIE, language, 365 * 24 * 3600);
        ctx.redirect(ConsolePaths.safeReturn(ctx.queryParam("back")), io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
