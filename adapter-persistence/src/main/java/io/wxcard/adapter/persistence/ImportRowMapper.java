package io.wxcard.adapter.persistence;

import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportRow;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Import jobs and their staged rows to and from their rows. */
@Mapper(config = MappingConfig.class)
interface ImportRowMapper {

    ImportJobRow toRow(ImportJob job);

    // The job's withers look like fluent setters to MapStruct; the constructor sets everything.
    @Mapping(target = "sendingSince", ignore = true)
    @Mapping(target = "completedAt", ignore = true)
    ImportJob toJob(ImportJobRow row);

    @Mapping(target = "lineNo", source = "lineNumber")
    StagedRow toRow(ImportRow row);

    @Mapping(target = "lineNumber", source = "lineNo")
    ImportRow toImportRow(StagedRow row);
}
