package io.wxcard.bootstrap;

import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Upgrades a card for WeChat Pay's member functions (issue 14 item 3), against the database and WeChat Pay directly,
 * like {@code reconcile}. WeChat Pay never undoes an upgrade, so the command asks for {@code --yes}.
 */
@Command(name = "upgrade-card", description = "Upgrade a card for WeChat Pay's member functions (membercard-open: "
        + "import, codes, activation). WeChat Pay never undoes it and the old Official Account interfaces stop "
        + "updating the card.")
final class UpgradeCardCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--card", required = true, description = "our id of the card (as the API shows it)")
    String cardId;
    @CommandLine.Option(names = "--brand", required = true, description = "the WeChat Pay brand_id the card joins")
    String brandId;
    @CommandLine.Option(names = "--tenant", description = "the card's tenant; needed only when several tenants exist")
    String tenantId;
    @CommandLine.Option(names = "--yes", description = "confirm: the upgrade cannot be undone")
    boolean confirmed;

    @Override
    public Integer call() {
        if (!confirmed) {
            throw new IllegalArgumentException("WeChat Pay never undoes an upgrade: run again with --yes to confirm");
        }
        BrandId brand = new BrandId(brandId);
        try (AdminRuntime runtime = new AdminRuntime(Settings.load(System.getenv()))) {
            TenantId tenant = tenantId != null ? new TenantId(tenantId) : ReconcileCommand.onlyTenant(runtime);
            Card card = TenantCommand.ok(runtime.services.upgradeCardForWechatPay().upgrade(
                    new UpgradeCardForWechatPayUseCase.UpgradeCardCommand(tenant, new CardId(cardId), brand)));
            System.out.printf("card %s (WeChat card_id %s) is upgraded for WeChat Pay under brand %s since %s%n",
                    card.id(), card.wechatCardId().getOrElse(() -> null), card.payUpgrade().get().brandId(),
                    card.payUpgrade().get().upgradedAt());
            return 0;
        }
    }
}
