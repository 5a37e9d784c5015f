package io.wxcard.adapter.persistence;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.tenant.TenantId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A process killed in the middle of a transaction leaves nothing of it behind, and keeps what it committed before.
 * The writer is a real second JVM ({@link CrashingWriter}) that halts without committing.
 */
abstract class CrashBehaviour extends Behaviour {

    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card1");

    @Test
    void finds_nothing_of_a_transaction_whose_process_was_killed_before_it_committed() throws Exception {
        try (TestDatabase database = newDatabase()) {
            Membership membership;
            try (Persistence persistence = Persistence.start(database.settings())) {
                membership = activatedMembership(new PersistenceStoreSet(persistence), tenant, card);
            } // closed: an H2 file database is opened by one process at a time

            List<String> output = runCrashingWriter(database.settings(), membership.key());

            assertThat(output).as("the writer's output")
                    .contains(CrashingWriter.COMMITTED, CrashingWriter.WROTE_UNCOMMITTED);
            try (Persistence persistence = Persistence.start(database.settings())) {
                Membership stored = persistence.memberships().find(membership.key()).get();
                assertThat(stored.state()).isEqualTo(MembershipState.ACTIVATED);
                assertThat(stored.version()).isEqualTo(membership.version());
                assertThat(persistence.ledger().history(membership.key(), PageRequest.first(10)).items()).isEmpty();
                assertThat(persistence.outbox().claim("d", 10, T0.plus(Duration.ofDays(1)), Duration.ofSeconds(30)))
                        .isEmpty();
                assertThat(persistence.processedPushes().recordIfNew(tenant, CrashingWriter.UNCOMMITTED_PUSH, T0))
                        .as("the push recorded in the killed transaction").isTrue();
                assertThat(persistence.processedPushes().recordIfNew(tenant, CrashingWriter.COMMITTED_PUSH, T0))
                        .as("the push committed before").isFalse();
            }
        }
    }

    private static List<String> runCrashingWriter(DatabaseSettings settings, MembershipKey key) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), settings.jdbcUrl(), nullToEmpty(settings.user()),
                nullToEmpty(settings.password()), key.tenantId().value(), key.cardId().value(), key.code().value())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() -> readAll(writer));
        boolean ended = writer.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            writer.destroyForcibly();
        }
        List<String> output = lines.get(10, TimeUnit.SECONDS);
        assertThat(ended).as("the writer ended; it said: %s", output).isTrue();
        assertThat(writer.exitValue()).as("the writer halted as planned; it said: %s", output)
                .isEqualTo(CrashingWriter.HALT_STATUS);
        return output;
    }

    private static List<String> readAll(Process process) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException ended) {
            lines.add("(output ended: " + ended + ")");
        }
        return lines;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
