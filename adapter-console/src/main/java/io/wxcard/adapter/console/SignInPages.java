package io.wxcard.adapter.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.OperatorSignInUseCase.SignInCommand;
import io.wxcard.application.port.in.OperatorSignInUseCase.SignedIn;
import io.wxcard.domain.operator.OperatorName;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.TenantId;
import java.util.Map;

/**
 * Signing in and out. A successful sign-in always sets a new session cookie (the use case made a new session), and
 * ends the session the browser brought, if any: a session id planted before sign-in never becomes a signed-in one.
 */
final class SignInPages {

    /** What the sign-in page shows: the fields as typed, and why the last try failed. */
    record SignInPage(Chrome chrome, String tenant, String name, String back, String error) {}

    private final ConsoleUseCases useCases;
    private final Guard guard;
    private final ConsoleSettings settings;

    SignInPages(ConsoleUseCases useCases, Guard guard, ConsoleSettings settings) {
        this.useCases = useCases;
        this.guard = guard;
        this.settings = settings;
    }

    void register(JavalinDefaultRouting routing) {
        routing.get(ConsolePaths.SIGN_IN, ctx -> Pages.guarded(ctx, this::show), ConsoleAccess.ANYONE);
        routing.post(ConsolePaths.SIGN_IN, ctx -> Pages.guarded(ctx, this::signIn), ConsoleAccess.ANYONE);
        routing.post(ConsolePaths.ROOT + "sign-out", ctx -> Pages.guarded(ctx, this::signOut),
                ConsoleAccess.SIGNED_IN);
    }

    private void show(Context ctx) {
        render(ctx, settings.defaultTenant(), "", ConsolePaths.safeReturn(ctx.queryParam("back")), "");
    }

    private void render(Context ctx, String tenant, String name, String back, String error) {
        Chrome chrome = new Chrome(Messages.of(ctx), Option.none(), guard.signInToken(ctx), "sign-in", ctx.path());
        ctx.render("signin.jte", Map.of("page", new SignInPage(chrome, tenant, name, back, error)));
    }

    private void signIn(Context ctx) {
        Messages t = Messages.of(ctx);
        String tenant = field(ctx, "tenant");
        String name = field(ctx, "name");
        String password = ctx.formParam("password");
        String back = ConsolePaths.safeReturn(ctx.formParam("back"));
        Option<SignInCommand> command = Try.of(() -> new SignInCommand(new TenantId(tenant), new OperatorName(name),
                Secret.of(password == null ? "" : password))).toOption();
        if (command.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            render(ctx, tenant, name, back, t.get("signin.refused"));
            return;
        }
        Either<Failure, SignedIn> result = useCases.signIn().signIn(command.get());
        if (result.isLeft()) {
            boolean locked = result.getLeft() instanceof Failure.Rejected rejected
                    && rejected.rejection().code() == RejectionCode.OPERATOR_LOCKED_OUT;
            ctx.status(HttpStatus.UNAUTHORIZED);
            render(ctx, tenant, name, back, t.get(locked ? "signin.locked" : "signin.refused"));
            return;
        }
        guard.forgetBroughtSession(ctx);
        guard.startSession(ctx, result.get().sessionToken());
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        guard.endSession(ctx);
        ctx.redirect(ConsolePaths.SIGN_IN, HttpStatus.SEE_OTHER);
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
