package io.wxcard.adapter.persistence;

import io.wxcard.application.port.out.store.OutboxMessage;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.domain.tenant.TenantId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/** An outbox row to the message a dispatcher gets; the task is rebuilt from its kind and fields. */
@Mapper(config = MappingConfig.class)
interface OutboxRowMapper {

    @Mapping(target = "task", source = "row", qualifiedByName = "task")
    OutboxMessage toMessage(OutboxRow row);

    @Named("task")
    default OutboxTask task(OutboxRow row) {
        return OutboxTask.decode(new TenantId(row.tenantId()), row.kind(), Json.readStrings(row.fieldsJson()));
    }
}
