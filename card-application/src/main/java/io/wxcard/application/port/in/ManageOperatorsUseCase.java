package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.operator.Operator;
import io.wxcard.domain.operator.OperatorName;
import io.wxcard.domain.operator.Role;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Objects;

/** The console's accounts: the first admin of a tenant, and the operators an admin adds. */
public interface ManageOperatorsUseCase {

    /** Passwords shorter than this are refused. */
    int MIN_PASSWORD_LENGTH = 10;

    /**
     * Creates the tenant's first admin, named {@code admin}, with a new random password, when the tenant has no
     * operator yet. Answers the password (to be shown once), or nothing when the tenant already has operators.
     */
    Option<FirstAdmin> createFirstAdmin(TenantId tenantId);

    Either<Failure, Operator> add(SignedInOperator actor, AddOperatorCommand command);

    Either<Failure, List<Operator>> list(SignedInOperator actor);

    record AddOperatorCommand(OperatorName name, Role role, Secret password) {
        public AddOperatorCommand {
            Objects.requireNonNull(name, "operator name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(password, "password");
        }
    }

    record FirstAdmin(OperatorName name, Secret password) {}
}
