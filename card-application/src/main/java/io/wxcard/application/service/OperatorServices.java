package io.wxcard.application.service;

import io.wxcard.application.port.in.AuditTrailUseCase;
import io.wxcard.application.port.in.ManageOperatorsUseCase;
import io.wxcard.application.port.in.OperatorSignInUseCase;
import io.wxcard.application.port.in.SearchMembersQuery;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.PasswordHasher;
import io.wxcard.application.port.out.store.AuditLog;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.OperatorSessionStore;
import io.wxcard.application.port.out.store.OperatorStore;
import io.wxcard.application.port.out.store.TransactionBoundary;
import java.util.Objects;

/**
 * The operator console's part of the application, wired: accounts, sessions, the audit log and member search. Kept
 * apart from {@link CardServices} so that an embedding without a console needs none of its ports.
 */
public final class OperatorServices {

    public record Dependencies(OperatorStore operators, OperatorSessionStore sessions, AuditLog audit,
                               PasswordHasher passwords, CardStore cards, MembershipStore memberships, Clock clock,
                               IdGenerator ids, TransactionBoundary transactions) {
        public Dependencies {
            Objects.requireNonNull(operators, "operators");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(audit, "audit log");
            Objects.requireNonNull(passwords, "password hasher");
            Objects.requireNonNull(cards, "cards");
            Objects.requireNonNull(memberships, "memberships");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(ids, "ids");
            Objects.requireNonNull(transactions, "transactions (the audit entry and its action commit together)");
        }
    }

    private final OperatorService operators;
    private final MemberSearchService search;

    public OperatorServices(Dependencies d) {
        this.operators = new OperatorService(d.operators(), d.sessions(), d.audit(), d.passwords(), d.clock(), d.ids(),
                d.transactions());
        this.search = new MemberSearchService(d.cards(), d.memberships());
    }

    public OperatorSignInUseCase signIn() {
        return operators;
    }

    public ManageOperatorsUseCase manageOperators() {
        return operators;
    }

    public AuditTrailUseCase auditTrail() {
        return operators;
    }

    public SearchMembersQuery searchMembers() {
        return search;
    }
}
