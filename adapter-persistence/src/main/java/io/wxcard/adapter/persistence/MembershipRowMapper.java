package io.wxcard.adapter.persistence;

import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.LedgerTotals;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.MembershipSnapshot;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** A membership's snapshot to and from its row; the totals are three columns, the form answers a JSON object. */
@Mapper(config = MappingConfig.class)
interface MembershipRowMapper {

    /** The row to store for a membership, at the version it will have once stored. */
    @Mapping(target = "formAnswersJson", source = "membership.formAnswers")
    @Mapping(target = "points", source = "membership.totals.points")
    @Mapping(target = "balance", source = "membership.totals.balance")
    @Mapping(target = "lastSequence", source = "membership.totals.lastSequence")
    @Mapping(target = "version", source = "version")
    MembershipRow toRow(MembershipSnapshot membership, long version);

    @Mapping(target = "formAnswers", source = "formAnswersJson")
    @Mapping(target = "totals", source = "row")
    MembershipSnapshot toSnapshot(MembershipRow row);

    default LedgerTotals totals(MembershipRow row) {
        return new LedgerTotals(Points.of(row.points()), Fen.of(row.balance()), row.lastSequence());
    }

    default String formAnswersJson(Map<String, String> answers) {
        return Json.write(answers);
    }

    default Map<String, String> formAnswers(String json) {
        return Json.readStrings(json);
    }
}
