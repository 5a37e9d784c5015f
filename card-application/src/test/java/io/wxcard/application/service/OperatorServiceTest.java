package io.wxcard.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.AuditTrailUseCase.Change;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageOperatorsUseCase.AddOperatorCommand;
import io.wxcard.application.port.in.ManageOperatorsUseCase.FirstAdmin;
import io.wxcard.application.port.in.OperatorSignInUseCase.SignInCommand;
import io.wxcard.application.port.in.OperatorSignInUseCase.SignedIn;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryOperatorSessionStore;
import io.wxcard.application.testing.InMemoryOperatorStore;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.application.testing.Pbkdf2Passwords;
import io.wxcard.application.testing.SequentialIds;
import io.wxcard.application.testing.TestClock;
import io.wxcard.domain.operator.Operator;
import io.wxcard.domain.operator.OperatorName;
import io.wxcard.domain.operator.Role;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OperatorServiceTest {

    private final TestClock clock = new TestClock(Fixtures.T0);
    private final InMemoryStores stores = new InMemoryStores();
    private final OperatorServices services = new OperatorServices(new OperatorServices.Dependencies(
            new InMemoryOperatorStore(), new InMemoryOperatorSessionStore(), stores.auditLog(),
            new Pbkdf2Passwords(), stores.cards(), stores.memberships(), clock, new SequentialIds(),
            stores.transactions()));
    private final TenantId tenant = Fixtures.uniqueTenantId();

    private Either<Failure, SignedIn> signIn(String name, Secret password) {
        return services.signIn().signIn(new SignInCommand(tenant, new OperatorName(name), password));
    }

    private static RejectionCode code(Either<Failure, ?> result) {
        return ((Failure.Rejected) result.getLeft()).rejection().code();
    }

    @Test
    void creates_the_first_admin_once_with_a_password_that_signs_in() {
        FirstAdmin admin = services.manageOperators().createFirstAdmin(tenant).get();

        assertThat(services.manageOperators().createFirstAdmin(tenant)).isEmpty();
        SignedIn signedIn = signIn("admin", admin.password()).get();
        assertThat(signedIn.operator().operator().role()).isEqualTo(Role.ADMIN);
        assertThat(services.signIn().authenticate(signedIn.sessionToken()).map(s -> s.operator().id()))
                .contains(signedIn.operator().operator().id());
    }

    @Test
    void starts_a_new_session_at_every_sign_in_and_ends_it_at_sign_out() {
        Secret password = services.manageOperators().createFirstAdmin(tenant).get().password();
        SignedIn first = signIn("admin", password).get();
        SignedIn second = signIn("admin", password).get();

        assertThat(first.sessionToken()).isNotEqualTo(second.sessionToken());
        assertThat(first.operator().session().csrfToken()).isNotEqualTo(second.operator().session().csrfToken());
        services.signIn().signOut(first.sessionToken());
        assertThat(services.signIn().authenticate(first.sessionToken())).isEmpty();
        assertThat(services.signIn().authenticate(second.sessionToken())).isNotEmpty();
        assertThat(services.signIn().authenticate(Secret.of("made-up-token"))).isEmpty();
    }

    @Test
    void a_session_ends_after_its_lifetime() {
        Secret password = services.manageOperators().createFirstAdmin(tenant).get().password();
        SignedIn signedIn = signIn("admin", password).get();

        clock.advance(OperatorService.SESSION_LIFETIME.plusSeconds(1));

        assertThat(services.signIn().authenticate(signedIn.sessionToken())).isEmpty();
    }

    @Test
    void refuses_a_wrong_password_and_an_unknown_name_alike_and_locks_out_after_repeated_failures() {
        Secret password = services.manageOperators().createFirstAdmin(tenant).get().password();

        assertThat(code(signIn("nobody", password))).isEqualTo(RejectionCode.SIGN_IN_REFUSED);
        for (int i = 0; i < Operator.LOCK_AFTER; i++) {
            assertThat(code(signIn("admin", Secret.of("wrong-password")))).isEqualTo(RejectionCode.SIGN_IN_REFUSED);
        }

        assertThat(code(signIn("admin", password))).isEqualTo(RejectionCode.OPERATOR_LOCKED_OUT);
        clock.advance(Operator.LOCKED_FOR.plus(Duration.ofSeconds(1)));
        assertThat(signIn("admin", password).isRight()).isTrue();
    }

    @Test
    void only_an_admin_adds_operators_and_reads_the_audit_log() {
        Secret password = services.manageOperators().createFirstAdmin(tenant).get().password();
        var admin = signIn("admin", password).get().operator();
        Secret viewerPassword = Secret.of("viewer-password-1");
        services.manageOperators().add(admin, new AddOperatorCommand(new OperatorName("vera"), Role.VIEWER,
                viewerPassword)).get();
        var viewer = signIn("vera", viewerPassword).get().operator();

        var refused = services.manageOperators().add(viewer, new AddOperatorCommand(new OperatorName("mallory"),
                Role.ADMIN, Secret.of("mallory-password")));

        assertThat(code(refused)).isEqualTo(RejectionCode.OPERATOR_NOT_ALLOWED);
        assertThat(code(services.auditTrail().read(viewer, PageRequest.first(10))))
                .isEqualTo(RejectionCode.OPERATOR_NOT_ALLOWED);
        services.auditTrail().audited(admin, () -> Either.right("c-1"),
                id -> Option.of(new Change("card.draft", id, "", "title Tea")));
        assertThat(services.auditTrail().read(admin, PageRequest.first(10)).get().items())
                .extracting(e -> e.operator() + " " + e.action())
                .containsExactly("admin card.draft", "admin operator.add", "(first run) operator.add");
    }

    @Test
    void refuses_a_short_password_and_a_name_taken() {
        Secret password = services.manageOperators().createFirstAdmin(tenant).get().password();
        var admin = signIn("admin", password).get().operator();

        assertThat(code(services.manageOperators().add(admin, new AddOperatorCommand(new OperatorName("olga"),
                Role.OPERATOR, Secret.of("short")))))
                .isEqualTo(RejectionCode.OPERATOR_PASSWORD_TOO_SHORT);
        assertThat(code(services.manageOperators().add(admin, new AddOperatorCommand(new OperatorName("admin"),
                Role.OPERATOR, Secret.of("long-enough-password")))))
                .isEqualTo(RejectionCode.OPERATOR_NAME_TAKEN);
    }
}
