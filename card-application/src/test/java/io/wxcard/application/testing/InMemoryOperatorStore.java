package io.wxcard.application.testing;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.OperatorStore;
import io.wxcard.domain.operator.Operator;
import io.wxcard.domain.operator.OperatorId;
import io.wxcard.domain.operator.OperatorName;
import io.wxcard.domain.tenant.TenantId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link OperatorStore} in memory. */
public final class InMemoryOperatorStore implements OperatorStore {

    private final Map<OperatorId, Operator> operators = new LinkedHashMap<>();

    @Override
    public synchronized Option<Operator> find(TenantId tenantId, OperatorName name) {
        return Option.ofOptional(operators.values().stream()
                .filter(o -> o.tenantId().equals(tenantId) && o.name().equals(name)).findFirst());
    }

    @Override
    public synchronized Option<Operator> find(TenantId tenantId, OperatorId id) {
        return Option.of(operators.get(id)).filter(o -> o.tenantId().equals(tenantId));
    }

    @Override
    public synchronized Operator save(Operator operator) {
        Operator stored = operators.get(operator.id());
        if (stored == null) {
            if (operator.version() != 0 || find(operator.tenantId(), operator.name()).isDefined()) {
                throw new ConcurrentUpdateException("saving operator " + operator.id() + ": not stored at version "
                        + operator.version() + ", or its name is taken");
            }
        } else if (stored.version() != operator.version()) {
            throw new ConcurrentUpdateException("saving operator " + operator.id() + ": stored at version "
                    + stored.version() + ", not " + operator.version());
        }
        Operator saved = operator.withVersion(operator.version() + 1);
        operators.put(saved.id(), saved);
        return saved;
    }

    @Override
    public synchronized List<Operator> list(TenantId tenantId) {
        return operators.values().stream().filter(o -> o.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(o -> o.name().value())).toList();
    }
}
