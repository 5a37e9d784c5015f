package io.wxcard.bootstrap;

import io.wxcard.application.port.in.CardStatisticsQuery.CardStatistics;
import io.wxcard.application.port.in.CardStatisticsQuery.Disagreement;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.statistics.OurFigures;
import io.wxcard.domain.statistics.WechatDailyFigures;
import io.wxcard.domain.tenant.TenantId;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A card's statistics per day (issue 17 item 7), against the database (and, with {@code --pull}, WeChat) directly,
 * like {@code reconcile}: ours counted from the ledger beside WeChat's as pulled, and the days the two disagree on.
 */
@Command(name = "statistics", description = "Show a card's figures per day (China time): ours beside WeChat's as "
        + "pulled, and where they disagree. --pull fetches WeChat's for the range first.")
final class StatisticsCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--card", required = true, description = "our id of the card (as the API shows it)")
    String cardId;
    @CommandLine.Option(names = "--from", required = true, description = "the first day, YYYY-MM-DD")
    LocalDate from;
    @CommandLine.Option(names = "--to", required = true, description = "the last day, YYYY-MM-DD")
    LocalDate to;
    @CommandLine.Option(names = "--tenant", description = "the card's tenant; needed only when several tenants exist")
    String tenantId;
    @CommandLine.Option(names = "--pull", description = "pull WeChat's figures of these days first")
    boolean pull;

    @Override
    public Integer call() {
        try (AdminRuntime runtime = new AdminRuntime(Settings.load(System.getenv()))) {
            TenantId tenant = tenantId != null ? new TenantId(tenantId) : ReconcileCommand.onlyTenant(runtime);
            CardId card = new CardId(cardId);
            if (pull) {
                int rows = TenantCommand.ok(runtime.engagement.pullCardStatistics().pull(tenant, card, from, to));
                System.out.printf("pulled %d rows of WeChat's statistics%n", rows);
            }
            print(card, TenantCommand.ok(runtime.engagement.cardStatistics().statistics(tenant, card, from, to)));
            return 0;
        }
    }

    /** One line a day: our receipts and activations beside WeChat's receive_cnt and active_user ("-": not pulled). */
    private static void print(CardId card, CardStatistics statistics) {
        Map<LocalDate, WechatDailyFigures> wechat = statistics.wechat().stream()
                .collect(Collectors.toMap(WechatDailyFigures::day, Function.identity(), (first, later) -> later));
        System.out.printf("card %s, %s to %s (China time)%n", card, statistics.range().from(), statistics.range().to());
        System.out.printf("%-10s  %9s %9s  %11s %11s  %9s %9s %9s%n", "day", "received", "activated", "receive_cnt",
                "active_user", "points+", "points-", "expired");
        for (OurFigures.Day day : statistics.ours().days()) {
            WechatDailyFigures theirs = wechat.get(day.day());
            System.out.printf("%-10s  %9d %9d  %11s %11s  %9d %9d %9d%n", day.day(), day.newMembers(),
                    day.activatedMembers(), theirs == null ? "-" : Long.toString(theirs.receiveCount()),
                    theirs == null ? "-" : Long.toString(theirs.activeUsers()), day.pointsIssued(), day.pointsRedeemed(),
                    day.pointsExpired());
        }
        OurFigures.Totals t = statistics.ours().totals();
        System.out.printf("ours in all: %d received, %d activated, %d members active, %d store visits%n",
                t.newMembers(), t.activatedMembers(), t.activeMembers(), t.storeVisits());
        if (statistics.disagreements().isEmpty()) {
            System.out.println("no disagreement with WeChat on the days pulled");
        }
        for (Disagreement d : statistics.disagreements()) {
            System.out.printf("disagreement on %s: WeChat's %s is %d, ours %d%n", d.day(), d.figure(), d.wechat(),
                    d.ours());
        }
    }
}
