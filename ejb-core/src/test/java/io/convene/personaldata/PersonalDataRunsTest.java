package io.convene.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the keepers hand to an erasure and a retention run, and what those make of it. */
class PersonalDataRunsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void theFirstKeeperToNameATextDecidesWhatReplacesIt() {
        Erasure erasure = new Erasure(new Erasure.Person(UUID.randomUUID(), "Erin Example", "erin@example.com", true,
                "sub-1", null), NOW);
        erasure.replaceInLogs("Erin Example", "Erased user 1a2b3c4d");
        erasure.replaceInLogs("erin@example.com", "erased@erased.invalid");
        erasure.replaceInLogs("Erin Example", ""); // a chat message that is just her name
        erasure.replaceInLogs("mango-7 is the code", "");
        erasure.replaceInLogs("   ", "");
        erasure.replaceInLogs(null, "");

        assertThat(erasure.replacements()).containsExactly(
                java.util.Map.entry("Erin Example", "Erased user 1a2b3c4d"),
                java.util.Map.entry("erin@example.com", "erased@erased.invalid"),
                java.util.Map.entry("mango-7 is the code", ""));
    }

    @Test
    void countsOfTheSameKindAddUpAndFilesWaitForTheEnd() {
        Erasure erasure = new Erasure(new Erasure.Person(UUID.randomUUID(), null, null, false, null, null), NOW);
        erasure.erased("files", 2);
        erasure.erased("chat-messages", 5);
        erasure.erased("files", 1);
        erasure.deleteFileAfterwards("blob-a");
        erasure.deleteFileAfterwards("blob-b");

        assertThat(erasure.counts()).containsExactly(java.util.Map.entry("files", 3), java.util.Map.entry("chat-messages", 5));
        assertThat(erasure.files()).containsExactly("blob-a", "blob-b");
    }

    @Test
    void anAgeThatIsAbsentKeepsForEver() {
        RetentionRun run = new RetentionRun(new RetentionRun.Ages(30, null, 7, null), NOW, false);

        assertThat(run.before(run.ages().chatDays())).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(run.before(run.ages().notificationDays())).isNull();
        assertThat(run.purging()).isFalse();
        run.counted("chat-messages", 4);
        run.counted("chat-messages", 1);
        assertThat(run.counts()).containsEntry("chat-messages", 5);
        assertThat(run.files()).isEqualTo(List.of());
    }
}
