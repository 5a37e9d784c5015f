package io.wxcard.domain.operator;

import io.vavr.control.Option;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in to the console of one tenant, with a role. Only a hash of the password is kept (the hash's
 * format is the hashing library's). Repeated failed sign-ins lock the account for a while: {@link #LOCK_AFTER}
 * failures in a row lock it for {@link #LOCKED_FOR}, and a success clears the count.
 *
 * @param failedSignIns failures since the last success
 * @param lockedUntil   when a lock-out ends, if one was ever set
 */
public record Operator(OperatorId id, TenantId tenantId, OperatorName name, Role role, String passwordHash,
                       int failedSignIns, Option<Instant> lockedUntil, Instant createdAt, long version) {

    public static final int LOCK_AFTER = 5;
    public static final Duration LOCKED_FOR = Duration.ofMinutes(15);

    public Operator {
        Objects.requireNonNull(id, "operator id");
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(name, "operator name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "password hash");
        Objects.requireNonNull(createdAt, "created at");
        lockedUntil = lockedUntil == null ? Option.none() : lockedUntil;
        if (failedSignIns < 0) {
            throw new IllegalArgumentException("failed sign-ins cannot be negative");
        }
    }

    /** A new account, never signed in. */
    public static Operator create(OperatorId id, TenantId tenantId, OperatorName name, Role role, String passwordHash,
                                  Instant now) {
        return new Operator(id, tenantId, name, role, passwordHash, 0, Option.none(), now, 0);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil.exists(now::isBefore);
    }

    /** After a wrong password: one failure more, and a lock-out once there are {@link #LOCK_AFTER} in a row. */
    public Operator signInFailed(Instant now) {
        int failures = failedSignIns + 1;
        if (failures >= LOCK_AFTER) {
            return new Operator(id, tenantId, name, role, passwordHash, 0, Option.of(now.plus(LOCKED_FOR)), createdAt,
                    version);
        }
        return new Operator(id, tenantId, name, role, passwordHash, failures, lockedUntil, createdAt, version);
    }

    /** After a right password: the failures are forgotten. */
    public Operator signedIn() {
        return new Operator(id, tenantId, name, role, passwordHash, 0, Option.none(), createdAt, version);
    }

    public Operator withRole(Role newRole) {
        return new Operator(id, tenantId, name, newRole, passwordHash, failedSignIns, lockedUntil, createdAt, version);
    }

    public Operator withVersion(long newVersion) {
        return new Operator(id, tenantId, name, role, passwordHash, failedSignIns, lockedUntil, createdAt, newVersion);
    }

    /** Never shows the password's hash. */
    @Override
    public String toString() {
        return "Operator[" + id + " " + name + " of " + tenantId + ", " + role + "]";
    }
}
