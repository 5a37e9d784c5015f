package io.wxcard.adapter.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import io.vavr.control.Either;
import io.vavr.control.Try;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageOperatorsUseCase.AddOperatorCommand;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.domain.operator.Operator;
import io.wxcard.domain.operator.OperatorAction;
import io.wxcard.domain.operator.OperatorName;
import io.wxcard.domain.operator.Role;
import io.wxcard.domain.tenant.Secret;
import java.util.List;
import java.util.Map;

/** The tenant's operators, and adding one with a role: for admins. */
final class OperatorPages {

    record OperatorRow(String name, String role, boolean locked) {}

    record OperatorsPage(Chrome chrome, List<OperatorRow> operators, String error, String name, String role) {}

    private final ConsoleUseCases useCases;

    OperatorPages(ConsoleUseCases useCases) {
        this.useCases = useCases;
    }

    void register(JavalinDefaultRouting routing) {
        routing.get(ConsolePaths.OPERATORS, ctx -> Pages.guarded(ctx, this::list), ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.OPERATORS, ctx -> Pages.guarded(ctx, this::add), ConsoleAccess.SIGNED_IN);
    }

    private void list(Context ctx) {
        render(ctx, Guard.allowed(ctx, OperatorAction.MANAGE_OPERATORS), "", "", "VIEWER");
    }

    private void add(Context ctx) {
        SignedInOperator admin = Guard.allowed(ctx, OperatorAction.MANAGE_OPERATORS);
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        String role = ctx.formParam("role") == null ? "" : ctx.formParam("role");
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        Try<AddOperatorCommand> command = Try.of(() -> new AddOperatorCommand(new OperatorName(name),
                Role.valueOf(role), Secret.of(password)));
        if (command.isFailure()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, admin, Messages.of(ctx).get("operators.invalid"), name, role);
            return;
        }
        Either<Failure, Operator> added = useCases.operators().add(admin, command.get());
        if (added.isLeft()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, admin, Messages.of(ctx).failure(added.getLeft()), name, role);
            return;
        }
        ctx.redirect(ConsolePaths.OPERATORS, HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, SignedInOperator admin, String error, String name, String role) {
        List<OperatorRow> rows = useCases.operators().list(admin).getOrElse(List.of()).stream()
                .map(o -> new OperatorRow(o.name().value(), o.role().name(), o.lockedUntil().isDefined()))
                .toList();
        ctx.render("operators.jte", Map.of("page", new OperatorsPage(Pages.chrome(ctx, "operators"), rows, error,
                name, role)));
    }
}
