package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * Compares WeChat's view of a card's members ({@code userinfo/get}: points, stored value, status) with ours and
 * repairs the drift: a change made on WeChat is booked as an external ledger entry; a change of ours WeChat missed is
 * sent again. Safe to run at any time, on any instance, and twice.
 */
public interface ReconcileCardUseCase {

    Either<Failure, ReconcileReport> reconcile(ReconcileCardCommand command);

    /**
     * Every card on WeChat of every tenant, one after the other (the scheduled run); each line names its card. A card
     * that cannot be reconciled now is a failed line, and the run goes on.
     */
    ReconcileReport reconcileEveryCard();

    /** @param cardId our id of the card whose members are compared */
    record ReconcileCardCommand(TenantId tenantId, CardId cardId) {
        public ReconcileCardCommand {
            Objects.requireNonNull(tenantId, "tenant");
            Objects.requireNonNull(cardId, "card");
        }
    }

    /**
     * What a run did.
     *
     * @param checked   memberships compared with WeChat
     * @param inStep    those that agreed (or had a sync on its way that brings WeChat in line)
     * @param repaired  one line per membership whose drift was repaired, saying how
     * @param failed    one line per membership that could not be compared or repaired now, saying why
     */
    record ReconcileReport(int checked, int inStep, List<String> repaired, List<String> failed) {
        public ReconcileReport {
            repaired = List.copyOf(repaired);
            failed = List.copyOf(failed);
        }

        /** This report and another, as one. */
        public ReconcileReport plus(ReconcileReport other) {
            List<String> allRepaired = new java.util.ArrayList<>(repaired);
            allRepaired.addAll(other.repaired);
            List<String> allFailed = new java.util.ArrayList<>(failed);
            allFailed.addAll(other.failed);
            return new ReconcileReport(checked + other.checked, inStep + other.inStep, allRepaired, allFailed);
        }
    }
}
