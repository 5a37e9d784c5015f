package io.wxcard.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.Card;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uploading the old member list and watching the job, over HTTP against the real import use cases. */
class ImportPagesTest {

    private static final Pattern JOB = Pattern.compile("/console/imports/([A-Za-z0-9_-]+)$");
    private static ConsoleWorld world;
    private static Card card;

    @BeforeAll
    static void start() {
        world = new ConsoleWorld();
        card = world.approvedCard(world.tenant);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static HttpResponse<String> upload(ConsoleClient browser, String csv) {
        return browser.postFile("/console/imports", Map.of("_csrf", browser.csrf(), "card_id", card.id().value()),
                ImportPages.FILE, "members.csv", csv);
    }

    private static String jobOf(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        Matcher matcher = JOB.matcher(answer.headers().firstValue("Location").orElseThrow());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static long runningJobs() {
        return world.whole.stores.imports().running().size();
    }

    @Test
    void an_upload_is_staged_its_progress_polled_until_complete_and_its_failures_downloaded() {
        ConsoleClient browser = world.signedIn("operator");
        assertThat(browser.get("/console/imports").body()).contains("id=\"import-form\"", card.id().value(),
                "enctype=\"multipart/form-data\"");

        String job = jobOf(upload(browser, "openid,phone,points\no_imp_1,13800138001,10\nnot an openid!,,\n"
                + "o_imp_2,,5\no_imp_1,,\n"));

        String page = browser.get("/console/imports/" + job).body();
        assertThat(page).contains("id=\"import-bar\"", "hx-trigger=\"every 1s\"", "data-status=\"RUNNING\"");
        while (world.app.runImports().runOneJob()) {
            // the background runner's work, done here so that the test knows when it is over
        }
        String done = browser.htmx("/console/imports/" + job + "/progress").body();
        assertThat(done).contains("data-status=\"COMPLETED\"", "value=\"100\"", "id=\"import-imported\">2<",
                "id=\"import-failed\">1<", "id=\"import-duplicates\">1<", "id=\"import-failures\"")
                .doesNotContain("hx-trigger"); // the bar stops polling once the job is over
        HttpResponse<String> failures = browser.get("/console/imports/" + job + "/failures.csv");
        assertThat(failures.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(failures.body()).startsWith("line,openid,reason\n3,").contains("openid may hold only");
        assertThat(world.whole.stores.auditLog().recent(world.tenant, PageRequest.first(100)).items())
                .anySatisfy(entry -> assertThat(entry.action() + " " + entry.subject() + " " + entry.operator())
                        .isEqualTo("import.start " + job + " operator"));

        String past = browser.get("/console/imports").body();
        assertThat(past).contains("id=\"past-imports\"", "href=\"/console/imports/" + job + "\"",
                "href=\"/console/imports/" + job + "/failures.csv\"");
        // the CSV's phone is on the imported member's profile: found by it, shown masked
        String found = browser.get("/console/members?q=138+0013+8001").body();
        assertThat(found).contains("o_imp_1", "138****8001").doesNotContain("13800138001").doesNotContain("o_imp_2");
    }

    @Test
    void a_file_that_is_not_an_import_is_refused_naming_what_is_wrong_and_nothing_is_staged() {
        ConsoleClient browser = world.signedIn("operator");
        long before = runningJobs();

        HttpResponse<String> refused = upload(browser, "open_id;points\no_1;2\n");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"import-error\"", "不是会员导入格式", "separated by commas");
        assertThat(runningJobs()).isEqualTo(before);
    }

    @Test
    void an_upload_without_its_csrf_token_or_by_a_viewer_is_refused_and_nothing_is_staged() {
        long before = runningJobs();
        ConsoleClient operator = world.signedIn("operator");
        HttpResponse<String> forged = operator.postFile("/console/imports", Map.of("card_id", card.id().value()),
                ImportPages.FILE, "members.csv", "openid\no_forged\n");
        ConsoleClient viewer = world.signedIn("viewer");
        HttpResponse<String> notAllowed = upload(viewer, "openid\no_viewer\n");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(notAllowed.statusCode()).isEqualTo(403);
        assertThat(runningJobs()).isEqualTo(before);
    }

    @Test
    void another_tenants_import_is_not_found() {
        String job = jobOf(upload(world.signedIn("operator"), "openid\no_mine\n"));

        ConsoleClient other = world.otherTenantsAdmin();
        assertThat(other.get("/console/imports/" + job).statusCode()).isEqualTo(404);
        assertThat(other.get("/console/imports").body()).contains("id=\"no-past-imports\"").doesNotContain(job);
        assertThat(other.get("/console/imports/" + job + "/failures.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void a_file_larger_than_the_server_takes_is_refused_with_a_page_that_says_so_and_nothing_is_staged() {
        ConsoleClient browser = world.signedIn("operator");
        long before = runningJobs();
        String huge = "openid\n" + "o_line_0000000000000000000000000000\n".repeat(40_000);

        HttpResponse<String> refused = upload(browser, huge);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("id=\"error-message\"", "文件太大", "/v1/cards/{id}/imports");
        assertThat(runningJobs()).isEqualTo(before);
    }
}
