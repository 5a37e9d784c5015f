package io.wxcard.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.shared.Reason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescedChangeTest {

    private static LedgerEntry entry(long sequence, Asset asset, long delta, String reason, boolean notify) {
        return new LedgerEntry(sequence, asset, delta, Points.of(0), Fen.of(0), reason, new IdempotencyKey("k" + sequence),
                EntrySource.MERCHANT, notify, Instant.EPOCH);
    }

    @Test
    void sums_the_deltas_of_one_asset_and_merges_their_distinct_reasons_in_ledger_order() {
        List<LedgerEntry> entries = List.of(entry(1, Asset.POINTS, 10, "lunch", false),
                entry(2, Asset.BALANCE, 500, "top-up", true), entry(3, Asset.POINTS, -3, "refund", true),
                entry(4, Asset.POINTS, 5, "lunch", false));

        CoalescedChange points = CoalescedChange.of(entries, Asset.POINTS).get();

        assertThat(points).isEqualTo(new CoalescedChange(12, "lunch; refund", true));
        assertThat(CoalescedChange.of(entries, Asset.BALANCE).get()).isEqualTo(new CoalescedChange(500, "top-up", true));
    }

    @Test
    void tells_nothing_when_the_entries_cancel_out_or_there_are_none() {
        assertThat(CoalescedChange.of(List.of(entry(1, Asset.POINTS, 10, "gift", true),
                entry(2, Asset.POINTS, -10, "gift taken back", true)), Asset.POINTS)).isEmpty();
        assertThat(CoalescedChange.of(List.of(), Asset.BALANCE)).isEmpty();
    }

    @Test
    void keeps_the_merged_line_within_what_a_reason_may_be_and_says_how_many_it_left_out() {
        List<String> reasons = List.of("a".repeat(100), "b".repeat(100), "c".repeat(100), "d");

        String merged = CoalescedChange.merge(reasons, Reason.MAX_LENGTH);

        assertThat(merged).isEqualTo("a".repeat(100) + "; " + "b".repeat(100) + " (+2 more)");
        assertThat(merged.length()).isLessThanOrEqualTo(Reason.MAX_LENGTH);
        assertThat(CoalescedChange.merge(List.of("x".repeat(255), "y"), Reason.MAX_LENGTH))
                .hasSize(Reason.MAX_LENGTH).endsWith(" (+1 more)");
    }
}
