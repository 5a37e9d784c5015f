package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.operator.OperatorName;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.TenantId;
import java.util.Objects;

/**
 * Signs operators in to the console and out again. Every sign-in starts a new session with a new token, whatever
 * token the browser brought (so a token planted before sign-in is worth nothing); a wrong password counts towards a
 * lock-out, and a locked account is refused even with the right one.
 */
public interface OperatorSignInUseCase {

    Either<Failure, SignedIn> signIn(SignInCommand command);

    /** The operator a session token belongs to, while the session lasts. */
    Option<SignedInOperator> authenticate(Secret sessionToken);

    /** Ends the session; an unknown token does nothing. */
    void signOut(Secret sessionToken);

    record SignInCommand(TenantId tenantId, OperatorName name, Secret password) {
        public SignInCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(name, "operator name");
            Objects.requireNonNull(password, "password");
        }
    }

    /** @param sessionToken what the session cookie carries; shown to nobody else */
    record SignedIn(Secret sessionToken, SignedInOperator operator) {}
}
