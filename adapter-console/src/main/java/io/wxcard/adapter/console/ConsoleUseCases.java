package io.wxcard.adapter.console;

import io.wxcard.application.port.in.AuditTrailUseCase;
import io.wxcard.application.port.in.CardStatisticsQuery;
import io.wxcard.application.port.in.ChangeLedgerUseCase;
import io.wxcard.application.port.in.DistributeCardUseCase;
import io.wxcard.application.port.in.DraftCardUseCase;
import io.wxcard.application.port.in.EditCardUseCase;
import io.wxcard.application.port.in.FindCardsQuery;
import io.wxcard.application.port.in.FindMembersQuery;
import io.wxcard.application.port.in.FindMembershipsQuery;
import io.wxcard.application.port.in.ImportMembersUseCase;
import io.wxcard.application.port.in.ManageCampaignsUseCase;
import io.wxcard.application.port.in.ManageDeadLettersUseCase;
import io.wxcard.application.port.in.ManageWebhooksUseCase;
import io.wxcard.application.port.in.StockAlertsQuery;
import io.wxcard.application.port.in.InvalidateMembershipUseCase;
import io.wxcard.application.port.in.ManageOperatorsUseCase;
import io.wxcard.application.port.in.OperatorSignInUseCase;
import io.wxcard.application.port.in.PullCardStatisticsUseCase;
import io.wxcard.application.port.in.SearchMembersQuery;
import io.wxcard.application.port.in.SubmitCardUseCase;
import java.util.Objects;

/** The use cases the console calls: the application's ports, nothing else. */
public record ConsoleUseCases(OperatorSignInUseCase signIn, ManageOperatorsUseCase operators,
                              AuditTrailUseCase audit, FindCardsQuery findCards, DraftCardUseCase draftCard,
                              EditCardUseCase editCard, SubmitCardUseCase submitCard,
                              SearchMembersQuery searchMembers, FindMembershipsQuery findMemberships,
                              ChangeLedgerUseCase changeLedger, DistributeCardUseCase distributeCard,
                              InvalidateMembershipUseCase invalidateMembership, FindMembersQuery findMembers,
                              ImportMembersUseCase imports, ManageDeadLettersUseCase deadLetters,
                              ManageWebhooksUseCase webhooks, StockAlertsQuery stockAlerts,
                              CardStatisticsQuery statistics, PullCardStatisticsUseCase pullStatistics,
                              ManageCampaignsUseCase campaigns) {
    public ConsoleUseCases {
        Objects.requireNonNull(signIn, "sign-in");
        Objects.requireNonNull(operators, "operators");
        Objects.requireNonNull(audit, "audit trail");
        Objects.requireNonNull(findCards, "find cards");
        Objects.requireNonNull(draftCard, "draft card");
        Objects.requireNonNull(editCard, "edit card");
        Objects.requireNonNull(submitCard, "submit card");
        Objects.requireNonNull(searchMembers, "search members");
        Objects.requireNonNull(findMemberships, "find memberships");
        Objects.requireNonNull(changeLedger, "change ledger");
        Objects.requireNonNull(distributeCard, "distribute card");
        Objects.requireNonNull(invalidateMembership, "invalidate membership");
        Objects.requireNonNull(findMembers, "find members");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(deadLetters, "dead letters");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(stockAlerts, "stock alerts");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(pullStatistics, "pull statistics");
        Objects.requireNonNull(campaigns, "campaigns");
    }
}
