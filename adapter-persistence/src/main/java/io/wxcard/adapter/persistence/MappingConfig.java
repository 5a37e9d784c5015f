package io.wxcard.adapter.persistence;

import org.mapstruct.MapperConfig;
import org.mapstruct.NullValueMappingStrategy;
import org.mapstruct.ReportingPolicy;

/**
 * What every row and document mapper shares. A target property no mapping fills is a compile error, so a field added
 * to a snapshot (or a column added to a row) cannot be silently dropped.
 */
@MapperConfig(unmappedTargetPolicy = ReportingPolicy.ERROR,
        uses = ValueMappings.class,
        nullValueIterableMappingStrategy = NullValueMappingStrategy.RETURN_DEFAULT)
interface MappingConfig {}
