package io.wxcard.adapter.console;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.vavr.control.Option;
import io.wxcard.application.port.in.OperatorSignInUseCase;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.application.port.out.store.StoreUnavailableException;
import io.wxcard.domain.operator.OperatorAction;
import io.wxcard.domain.tenant.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's before-matched handler and its cookies. Every console answer gets headers that keep it out of frames
 * and caches; a {@link ConsoleAccess#SIGNED_IN} route needs the session cookie of a live session (else: to the
 * sign-in page); every POST needs the CSRF token of its session (or, for the sign-in form, the one in its own
 * cookie) in the form field {@value #CSRF_FIELD}.
 */
final class Guard {

    static final String SESSION_COOKIE = "wxcard_console";
    static final String SIGN_IN_CSRF_COOKIE = "wxcard_csrf";
    static final String CSRF_FIELD = "_csrf";
    private static final String OPERATOR = "wxcard.console.operator";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

    private final OperatorSignInUseCase signIn;
    private final boolean secureCookies;

    Guard(OperatorSignInUseCase signIn, boolean secureCookies) {
        this.signIn = signIn;
        this.secureCookies = secureCookies;
    }

    void before(Context ctx) {
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: https: http:; "
                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'");
        if (!ctx.routeRoles().contains(ConsoleAccess.SIGNED_IN)) {
            if (ctx.method().name().equals("POST")) {
                requireToken(ctx, ctx.cookie(SIGN_IN_CSRF_COOKIE));
            }
            return;
        }
        Option<SignedInOperator> operator;
        try {
            operator = Option.of(ctx.cookie(SESSION_COOKIE)).filter(token -> !token.isBlank())
                    .flatMap(token -> signIn.authenticate(Secret.of(token)));
        } catch (StoreUnavailableException down) {
            // the session cannot be read: the page says the database is down, as every page does, and runs not
            LOG.warn("console {} {}: the database is unavailable ({})", ctx.method(), ctx.path(), down.getMessage());
            Pages.renderError(ctx, 503, "error.database");
            ctx.skipRemainingHandlers();
            return;
        }
        if (operator.isEmpty()) {
            String back = ctx.method().name().equals("GET") ? ctx.path() : ConsolePaths.CARDS;
            String target = ConsolePaths.SIGN_IN + "?back=" + ConsolePaths.encode(back);
            if (ctx.header("HX-Request") != null) {
                ctx.header("HX-Redirect", target);
                ctx.status(HttpStatus.UNAUTHORIZED);
                ctx.skipRemainingHandlers();
                return;
            }
            ctx.redirect(target, HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method().name().equals("POST")) {
            requireToken(ctx, operator.get().session().csrfToken());
        }
        ctx.attribute(OPERATOR, operator.get());
    }

    private static void requireToken(Context ctx, String expected) {
        String given;
        try {
            given = ctx.formParam(CSRF_FIELD);
        } catch (IllegalStateException overTheMultipartLimits) { // a file larger than the server takes
            throw new ConsoleRefusal(413, "error.too_large");
        }
        if (expected == null || given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw new ConsoleRefusal(403, "error.csrf");
        }
    }

    /** The operator the session cookie names; only on {@link ConsoleAccess#SIGNED_IN} routes. */
    static SignedInOperator operator(Context ctx) {
        SignedInOperator operator = ctx.attribute(OPERATOR);
        if (operator == null) {
            throw new IllegalStateException(ctx.endpointHandlerPath() + " is not a SIGNED_IN route");
        }
        return operator;
    }

    /** The operator, when their role allows the action; a refusal page (403) otherwise. */
    static SignedInOperator allowed(Context ctx, OperatorAction action) {
        SignedInOperator operator = operator(ctx);
        if (!operator.may(action)) {
            throw new ConsoleRefusal(403, "error.role");
        }
        return operator;
    }

    void startSession(Context ctx, Secret token) {
        ctx.cookie(cookie(SESSION_COOKIE, token.reveal(), -1));
        ctx.removeCookie(SIGN_IN_CSRF_COOKIE, ConsolePaths.ROOT);
    }

    /** Ends the session the browser brought, if any, and clears its cookie. */
    void endSession(Context ctx) {
        forgetBroughtSession(ctx);
        ctx.cookie(cookie(SESSION_COOKIE, "", 0));
    }

    /** Ends the session the browser brought, if any (its cookie is about to be replaced). */
    void forgetBroughtSession(Context ctx) {
        Option.of(ctx.cookie(SESSION_COOKIE)).filter(token -> !token.isBlank())
                .forEach(token -> signIn.signOut(Secret.of(token)));
    }

    /** The sign-in form's CSRF token: kept in a cookie of its own until a session begins. */
    String signInToken(Context ctx) {
        String existing = ctx.cookie(SIGN_IN_CSRF_COOKIE);
        if (existing != null && existing.length() >= 32) {
            return existing;
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ctx.cookie(cookie(SIGN_IN_CSRF_COOKIE, token, -1));
        return token;
    }

    private Cookie cookie(String name, String value, int maxAge) {
        return new Cookie(name, value, ConsolePaths.ROOT, maxAge, secureCookies, 0, true, null, null,
                SameSite.STRICT);
    }
}
