package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.operator.Operator;
import io.wxcard.domain.operator.OperatorId;
import io.wxcard.domain.operator.OperatorName;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/** Keeps the console's operator accounts, each within one tenant. */
public interface OperatorStore {

    Option<Operator> find(TenantId tenantId, OperatorName name);

    Option<Operator> find(TenantId tenantId, OperatorId id);

    /**
     * Inserts an operator whose version is 0, or updates one whose stored version equals its version.
     *
     * @return the operator as stored, its version one higher
     * @throws ConcurrentUpdateException on a stale version, or when the tenant already has an operator of that name
     */
    Operator save(Operator operator);

    /** A tenant's operators, by name. */
    List<Operator> list(TenantId tenantId);
}
