package io.wxcard.adapter.console;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.application.port.out.store.AuditEntry;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.operator.OperatorAction;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The audit log, newest first, for admins. */
final class AuditPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    record AuditRow(String when, String operator, String action, String subject, String before, String after) {}

    record AuditPage(Chrome chrome, List<AuditRow> entries, long total) {}

    private final ConsoleUseCases useCases;

    AuditPages(ConsoleUseCases useCases) {
        this.useCases = useCases;
    }

    void register(JavalinDefaultRouting routing) {
        routing.get(ConsolePaths.AUDIT, ctx -> Pages.guarded(ctx, this::show), ConsoleAccess.SIGNED_IN);
    }

    private void show(Context ctx) {
        SignedInOperator operator = Guard.allowed(ctx, OperatorAction.READ_AUDIT_LOG);
        var page = useCases.audit().read(operator, PageRequest.first(100)).get();
        List<AuditRow> rows = page.items().stream().map(AuditPages::row).toList();
        ctx.render("audit.jte", Map.of("page", new AuditPage(Pages.chrome(ctx, "audit"), rows, page.total())));
    }

    private static AuditRow row(AuditEntry e) {
        return new AuditRow(WHEN.format(e.at()), e.operator(), e.action(), e.subject(), e.before(), e.after());
    }
}
