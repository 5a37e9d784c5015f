package io.wxcard.adapter.persistence;

import io.wxcard.application.port.out.store.ImportJob;
import io.wxcard.application.port.out.store.ImportRow;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Import jobs and their staged rows to and from their rows. */
@Mapper(config = MappingConfig.class)
interface ImportRowMapper {

    ImportJobRow toRow(ImportJob job);

    ImportJob toJob(ImportJobRow row);

    @Mapping(target = "lineNo", source = "lineNumber")
    StagedRow toRow(ImportRow row);

    @Mapping(target = "lineNumber", source = "lineNo")
    ImportRow toImportRow(StagedRow row);
}
