package io.wxcard.bootstrap;

import io.wxcard.adapter.console.ConsolePlugin;
import io.wxcard.adapter.persistence.DatabaseSettings;
import io.wxcard.adapter.persistence.Persistence;
import io.wxcard.application.port.in.ManageOperatorsUseCase.FirstAdmin;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.service.OperatorServices;
import io.wxcard.domain.tenant.TenantId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A tenant's first console admin, for tenants added with {@code tenant add} (the demo tenant gets one on the first
 * start): created only while the tenant has no operator, its password printed once. Further operators are added in
 * the console by an admin.
 */
@Command(name = "console-admin", description = "Create a tenant's first console admin and print its password once.")
final class ConsoleAdminCommand implements Callable<Integer> {

    @Option(names = "--tenant", required = true, description = "the tenant's id")
    String tenant;

    @Override
    public Integer call() {
        Settings settings = Settings.load(System.getenv());
        TenantId tenantId = new TenantId(tenant);
        try (Persistence persistence = Persistence.start(new DatabaseSettings(settings.dbUrl(), settings.dbUser(),
                settings.dbPassword(), 2))) {
            if (persistence.tenants().find(tenantId).isEmpty()) {
                System.err.println("no tenant " + tenantId + ": add it first (tenant add)");
                return 1;
            }
            OperatorServices operators = new OperatorServices(new OperatorServices.Dependencies(persistence.operators(),
                    persistence.operatorSessions(), persistence.auditLog(), ConsolePlugin.passwordHasher(),
                    persistence.cards(), persistence.memberships(), Clock.system(), IdGenerator.random(),
                    persistence.transactions()));
            io.vavr.control.Option<FirstAdmin> admin = operators.manageOperators().createFirstAdmin(tenantId);
            if (admin.isEmpty()) {
                System.err.println("tenant " + tenantId + " already has console operators; an admin adds more in the "
                        + "console (/console/operators)");
                return 1;
            }
            System.out.println("console admin of tenant " + tenantId + ": " + admin.get().name()
                    + " / " + admin.get().password().reveal() + " (shown this once; only its bcrypt hash is kept)");
            return 0;
        }
    }
}
