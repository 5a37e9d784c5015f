package io.wxcard.application.service;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.AuditTrailUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageOperatorsUseCase;
import io.wxcard.application.port.in.OperatorSignInUseCase;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.PasswordHasher;
import io.wxcard.application.port.out.store.AuditEntry;
import io.wxcard.application.port.out.store.AuditLog;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.OperatorSession;
import io.wxcard.application.port.out.store.OperatorSessionStore;
import io.wxcard.application.port.out.store.OperatorStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.domain.operator.Operator;
import io.wxcard.domain.operator.OperatorAction;
import io.wxcard.domain.operator.OperatorId;
import io.wxcard.domain.operator.OperatorName;
import io.wxcard.domain.operator.Role;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The console's operators: sign-in with lock-out, sessions, accounts, and the audit log. */
final class OperatorService implements OperatorSignInUseCase, ManageOperatorsUseCase, AuditTrailUseCase {

    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    static final OperatorName FIRST_ADMIN = new OperatorName("admin");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OperatorStore operators;
    private final OperatorSessionStore sessions;
    private final AuditLog audit;
    private final PasswordHasher passwords;
    private final Clock clock;
    private final IdGenerator ids;
    private final TransactionBoundary transactions;
    /** Compared against when the name is unknown, so that a wrong name costs as long as a wrong password. */
    private final String decoyHash;

    OperatorService(OperatorStore operators, OperatorSessionStore sessions, AuditLog audit, PasswordHasher passwords,
                    Clock clock, IdGenerator ids, TransactionBoundary transactions) {
        this.operators = operators;
        this.sessions = sessions;
        this.audit = audit;
        this.passwords = passwords;
        this.clock = clock;
        this.ids = ids;
        this.transactions = transactions;
        this.decoyHash = passwords.hash(Secret.of(randomToken(16)));
    }

    @Override
    public Either<Failure, SignedIn> signIn(SignInCommand command) {
        var now = clock.now();
        Option<Operator> found = operators.find(command.tenantId(), command.name());
        if (found.isEmpty()) {
            passwords.matches(command.password(), decoyHash);
            return refused();
        }
        Operator operator = found.get();
        if (operator.isLockedAt(now)) {
            return Either.left(new Failure.Rejected(Rejection.of(RejectionCode.OPERATOR_LOCKED_OUT,
                    "too many failed sign-ins: this account is locked for " + Operator.LOCKED_FOR.toMinutes()
                            + " minutes; try again later or ask an admin")));
        }
        if (!passwords.matches(command.password(), operator.passwordHash())) {
            saveQuietly(operator.signInFailed(now));
            return refused();
        }
        Operator signedIn = operator.failedSignIns() == 0 && operator.lockedUntil().isEmpty()
                ? operator : saveQuietly(operator.signedIn());
        String token = randomToken(32);
        OperatorSession session = new OperatorSession(hashOf(token), operator.tenantId(), operator.id(),
                randomToken(24), now, now.plus(SESSION_LIFETIME));
        sessions.save(session);
        sessions.deleteExpired(now); // sign-ins are rare: the moment to forget old sessions
        return Either.right(new SignedIn(Secret.of(token), new SignedInOperator(signedIn, session)));
    }

    private static Either<Failure, SignedIn> refused() {
        return Either.left(new Failure.Rejected(Rejection.of(RejectionCode.SIGN_IN_REFUSED,
                "the name or the password is wrong")));
    }

    /** A lost race on the failure count (two sign-ins at once) loses one count, never the account. */
    private Operator saveQuietly(Operator operator) {
        try {
            return operators.save(operator);
        } catch (ConcurrentUpdateException raced) {
            return operator;
        }
    }

    @Override
    public Option<SignedInOperator> authenticate(Secret sessionToken) {
        var now = clock.now();
        return sessions.find(hashOf(sessionToken.reveal()))
                .filter(session -> !session.isExpiredAt(now))
                .flatMap(session -> operators.find(session.tenantId(), session.operatorId())
                        .map(operator -> new SignedInOperator(operator, session)));
    }

    @Override
    public void signOut(Secret sessionToken) {
        sessions.delete(hashOf(sessionToken.reveal()));
    }

    @Override
    public Option<FirstAdmin> createFirstAdmin(TenantId tenantId) {
        if (!operators.list(tenantId).isEmpty()) {
            return Option.none();
        }
        Secret password = Secret.of(randomToken(12));
        Operator admin = Operator.create(new OperatorId(ids.newId("op")), tenantId, FIRST_ADMIN, Role.ADMIN,
                passwords.hash(password), clock.now());
        try {
            operators.save(admin);
        } catch (ConcurrentUpdateException anotherInstanceWasFirst) {
            return Option.none();
        }
        audit.append(new AuditEntry(ids.newId("audit"), tenantId, clock.now(), "(first run)", "operator.add",
                FIRST_ADMIN.value(), "", "role admin"));
        return Option.of(new FirstAdmin(FIRST_ADMIN, password));
    }

    @Override
    public Either<Failure, Operator> add(SignedInOperator actor, AddOperatorCommand command) {
        return actor.allowedTo(OperatorAction.MANAGE_OPERATORS).flatMap(allowed -> audited(actor, () -> {
            if (command.password().reveal().length() < MIN_PASSWORD_LENGTH) {
                return Either.left(new Failure.Rejected(Rejection.of(RejectionCode.OPERATOR_PASSWORD_TOO_SHORT,
                        "a password has at least " + MIN_PASSWORD_LENGTH + " characters")));
            }
            Operator operator = Operator.create(new OperatorId(ids.newId("op")), actor.tenantId(), command.name(),
                    command.role(), passwords.hash(command.password()), clock.now());
            Operator saved;
            try {
                saved = operators.save(operator);
            } catch (ConcurrentUpdateException taken) {
                return Either.left(new Failure.Rejected(Rejection.of(RejectionCode.OPERATOR_NAME_TAKEN,
                        "an operator named " + command.name() + " already exists; choose another name")));
            }
            return Either.<Failure, Operator>right(saved);
        }, saved -> Option.of(new Change("operator.add", saved.name().value(), "", "role " + roleName(saved.role())))));
    }

    @Override
    public Either<Failure, List<Operator>> list(SignedInOperator actor) {
        return actor.allowedTo(OperatorAction.MANAGE_OPERATORS).map(allowed -> operators.list(actor.tenantId()));
    }

    @Override
    public <T> Either<Failure, T> audited(SignedInOperator actor, Supplier<Either<Failure, T>> action,
                                          Function<? super T, Option<Change>> change) {
        return transactions.inTransactionUnlessLeft(() -> action.get().peek(done -> change.apply(done)
                .forEach(what -> record(actor, what))));
    }

    private void record(SignedInOperator actor, Change change) {
        audit.append(new AuditEntry(ids.newId("audit"), actor.tenantId(), clock.now(), actor.operator().name().value(),
                change.action(), change.subject(), change.before(), change.after()));
    }

    @Override
    public Either<Failure, Page<AuditEntry>> read(SignedInOperator actor, PageRequest page) {
        return actor.allowedTo(OperatorAction.READ_AUDIT_LOG).map(allowed -> audit.recent(actor.tenantId(), page));
    }

    private static String roleName(Role role) {
        return role.name().toLowerCase();
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String hashOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
