package io.wxcard.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.BatchLine;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.Member;
import io.wxcard.domain.ledger.LedgerAmount;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reader of ledger batches' CSV and of one line's rules, shared with the import's CSV reader. */
class LedgerBatchLinesTest {

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<BatchLine> lines(String text) {
        List<BatchLine> lines = new ArrayList<>();
        LedgerBatchLines.csv(csv(text)).get().forEachRemaining(lines::add);
        return lines;
    }

    @Test
    void reads_each_row_by_the_headers_names_into_a_line() {
        List<BatchLine> lines = lines("\uFEFFcode,points,balance_target,reason,idempotency_key,notify_member\n"
                + "c1,10,,bonus,k1,true\n\nc2,,500,sync,k2,\n");

        assertThat(lines).extracting(BatchLine::lineNumber).containsExactly(2L, 4L);
        var first = lines.get(0).line().get();
        assertThat(first.member()).isEqualTo(new Member.ByCode(new io.wxcard.domain.membership.Code("c1")));
        assertThat(first.points().get()).isEqualTo(new LedgerAmount.By(10));
        assertThat(first.notifyMember()).isTrue();
        var second = lines.get(1).line().get();
        assertThat(second.balance().get()).isEqualTo(new LedgerAmount.To(500));
        assertThat(second.points()).isEmpty();
        assertThat(second.notifyMember()).isFalse();
    }

    @Test
    void a_bad_row_fails_alone_with_every_reason_naming_its_field() {
        List<BatchLine> lines = lines("code,phone,points,points_target,reason,idempotency_key,notify_member\n"
                + "c1,,ten,,x,k1,\n"
                + "c1,138,1,,x,k2,\n"
                + ",,1,,x,k3,\n"
                + "c1,,1,5,,k4,maybe\n"
                + "c1,,1,,x,k5,,surplus\n"
                + "c1,,1,,x,k6,\n");

        assertThat(lines).extracting(line -> line.line().isLeft() ? line.line().getLeft() : "ok").containsExactly(
                "points: must be a whole number, got 'ten'",
                "code: give exactly one of code, phone and membership_number (this line gives 2)",
                "code: give exactly one of code, phone and membership_number",
                "points: give points or points_target, not both; reason: is required; "
                        + "notify_member: must be true or false, got 'maybe'",
                "line: has 8 values but the header names 7 columns",
                "ok");
    }

    @Test
    void a_header_that_is_not_a_batchs_refuses_the_upload_naming_the_column() {
        var unknown = LedgerBatchLines.csv(csv("code,points,colour,reason\nc1,1,red,x\n")).getLeft();
        var empty = LedgerBatchLines.csv(csv("code,points,reason,idempotency_key\n")).getLeft();

        assertThat(unknown.problems()).extracting(p -> p.field() + " " + p.message()).containsExactly(
                "header column 3 'colour' is not a column of a ledger batch; the columns are "
                        + LedgerBatchLines.COLUMNS,
                "header names no idempotency_key column, which every ledger batch needs");
        assertThat(empty.detail()).startsWith("the upload holds no line");
    }
}
