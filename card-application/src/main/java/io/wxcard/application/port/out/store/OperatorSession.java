package io.wxcard.application.port.out.store;

import io.wxcard.domain.operator.OperatorId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in console session. Only a hash of the cookie's token is kept, so a copy of the table signs nobody in.
 *
 * @param tokenHash the SHA-256 of the session token, in hex
 * @param csrfToken the token every form of this session must send back
 */
public record OperatorSession(String tokenHash, TenantId tenantId, OperatorId operatorId, String csrfToken,
                              Instant createdAt, Instant expiresAt) {
    public OperatorSession {
        Objects.requireNonNull(tokenHash, "token hash");
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(operatorId, "operator id");
        Objects.requireNonNull(csrfToken, "CSRF token");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(expiresAt, "expires at");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
