package io.wxcard.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.ImportMembersUseCase.ImportLine;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV reader of imports, which the API and the console both hand their uploads to. */
class ImportLinesTest {

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<ImportLine> lines(String text) {
        List<ImportLine> lines = new ArrayList<>();
        ImportLines.csv(csv(text)).get().forEachRemaining(lines::add);
        return lines;
    }

    @Test
    void reads_each_row_by_the_headers_names_with_its_line_number() {
        List<ImportLine> lines = lines("\uFEFFphone,openid,points\n138 0013 8000,o_alice,120\n\n,o_bob,\n");

        assertThat(lines).extracting(ImportLine::lineNumber).containsExactly(2L, 4L);
        var alice = lines.get(0).record().get();
        assertThat(alice.openId().value()).isEqualTo("o_alice");
        assertThat(alice.phone().get().normalised()).isEqualTo("13800138000");
        assertThat(alice.points().get().value()).isEqualTo(120);
        assertThat(lines.get(1).record().get().points()).isEmpty();
    }

    @Test
    void a_bad_row_fails_alone_with_every_reason_naming_its_field() {
        List<ImportLine> lines = lines("openid,points,balance\n,many,\no_neg,,-5\no_ok,1,2\n");

        assertThat(lines.get(0).record().getLeft()).contains("openid is required", "points must be a whole number, "
                + "got 'many'");
        assertThat(lines.get(1).record().getLeft()).contains("balance", "-5");
        assertThat(lines.get(2).record().isRight()).isTrue();
    }

    @Test
    void an_upload_that_is_not_an_import_is_refused_naming_what_is_wrong() {
        assertThat(ImportLines.csv(csv("")).getLeft().detail()).contains("header row");
        assertThat(ImportLines.csv(csv("open_id,points\n")).getLeft().detail()).contains("'open_id'", "openid, code");
        assertThat(ImportLines.csv(csv("openid;points\no_1;2\n")).getLeft().detail())
                .contains("separated by commas");
        assertThat(ImportLines.csv(csv("openid,code\n")).getLeft().detail()).contains("holds no member");
        assertThat(ImportLines.csv(csv("openid,openid\n")).getLeft().problems()).extracting(p -> p.message())
                .anySatisfy(m -> assertThat(m).contains("named twice"));
    }
}
