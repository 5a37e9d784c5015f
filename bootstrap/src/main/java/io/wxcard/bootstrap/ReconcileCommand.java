package io.wxcard.bootstrap;

import io.wxcard.application.port.in.ReconcileCardUseCase.ReconcileCardCommand;
import io.wxcard.application.port.in.ReconcileCardUseCase.ReconcileReport;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Compares WeChat's view of a card's members with the ledger, repairs the drift and prints what it did. Runs against
 * the database and WeChat directly (beside the service or without it), like {@code tenant}.
 */
@Command(name = "reconcile", description = "Compare a card's members on WeChat (points, stored value, status) with "
        + "the ledger, repair the drift and report what was done.")
final class ReconcileCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--card", description = "our id of the card (as the API shows it)")
    String cardId;
    @CommandLine.Option(names = "--tenant", description = "the card's tenant; needed only when several tenants exist")
    String tenantId;
    @CommandLine.Option(names = "--all", description = "every card on WeChat of every tenant (what the scheduled run does)")
    boolean all;

    @Override
    public Integer call() {
        if (all == (cardId != null)) {
            throw new IllegalArgumentException("give either --card ID (with --tenant ID when several tenants exist) or --all");
        }
        try (AdminRuntime runtime = new AdminRuntime(Settings.load(System.getenv()))) {
            var reconcile = runtime.services.reconcileCard();
            ReconcileReport report = all ? reconcile.reconcileEveryCard()
                    : TenantCommand.ok(reconcile.reconcile(new ReconcileCardCommand(tenant(runtime), new CardId(cardId))));
            print(report);
            return report.failed().isEmpty() ? 0 : 2;
        }
    }

    private TenantId tenant(AdminRuntime runtime) {
        return tenantId != null ? new TenantId(tenantId) : onlyTenant(runtime);
    }

    /** The one tenant there is, or a problem saying to name it. */
    static TenantId onlyTenant(AdminRuntime runtime) {
        List<Tenant> tenants = runtime.services.manageTenants().list();
        if (tenants.size() != 1) {
            throw new IllegalArgumentException("there are " + tenants.size() + " tenants: name the card's with --tenant ID");
        }
        return tenants.get(0).id();
    }

    private static void print(ReconcileReport report) {
        System.out.printf("%d members checked: %d in step, %d repaired, %d could not be settled now%n",
                report.checked(), report.inStep(), report.repaired().size(), report.failed().size());
        report.repaired().forEach(line -> System.out.println("  repaired  " + line));
        report.failed().forEach(line -> System.out.println("  failed    " + line));
    }
}
