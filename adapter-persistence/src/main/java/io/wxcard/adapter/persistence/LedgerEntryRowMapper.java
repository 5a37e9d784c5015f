package io.wxcard.adapter.persistence;

import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.membership.MembershipKey;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** A ledger entry to and from its row, which also names the membership. */
@Mapper(config = MappingConfig.class)
interface LedgerEntryRowMapper {

    @Mapping(target = "sequenceNo", source = "entry.sequence")
    @Mapping(target = "idempotencyKey", source = "entry.key")
    @Mapping(target = "entrySource", source = "entry.source")
    LedgerEntryRow toRow(MembershipKey membership, LedgerEntry entry);

    @Mapping(target = "sequence", source = "sequenceNo")
    @Mapping(target = "key", source = "idempotencyKey")
    @Mapping(target = "source", source = "entrySource")
    LedgerEntry toEntry(LedgerEntryRow row);
}
