package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.application.port.out.store.OperatorSession;
import io.wxcard.domain.operator.Operator;
import io.wxcard.domain.operator.OperatorAction;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import java.util.Objects;

/** Who is signed in to the console, as the session found them: the operator as stored now, with their session. */
public record SignedInOperator(Operator operator, OperatorSession session) {
    public SignedInOperator {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(session, "session");
    }

    public TenantId tenantId() {
        return operator.tenantId();
    }

    public boolean may(OperatorAction action) {
        return action.allowedTo(operator.role());
    }

    /** This operator, when their role allows the action; a rejection naming the role it needs otherwise. */
    public Either<Failure, SignedInOperator> allowedTo(OperatorAction action) {
        if (may(action)) {
            return Either.right(this);
        }
        return Either.left(new Failure.Rejected(Rejection.of(RejectionCode.OPERATOR_NOT_ALLOWED,
                "a " + operator.role().name().toLowerCase() + " may not do this (" + action.name().toLowerCase()
                        + " needs the role " + action.needs().name().toLowerCase() + ")")));
    }
}
