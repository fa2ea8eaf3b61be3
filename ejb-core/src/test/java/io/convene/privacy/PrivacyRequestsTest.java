package io.convene.privacy;

import static io.convene.privacy.PrivacyWorld.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A background export's record, step by step: claimed once, its progress, done for a day or failed, then withdrawn. */
class PrivacyRequestsTest {

    private final PrivacyWorld world = new PrivacyWorld();
    private final PrivacyRequests requests = world.privacyRequests;
    private final User ann = world.person("ann");

    @Test
    void aQueuedExportIsClaimedOnceAndShowsItsProgress() {
        UUID id = exportOfAnn();

        PrivacyRequest claimed = requests.claim(id);
        requests.progress(id, 45);

        assertThat(claimed.state()).isEqualTo(PrivacyRequest.State.RUNNING);
        assertThat(claimed.progress()).isEqualTo(45);
        assertThat(requests.claim(id)).as("another node's try").isNull();
        assertThat(requests.claim(UUID.randomUUID())).isNull();
    }

    @Test
    void aMadeExportIsDownloadableForADayThenItsFileIsWithdrawnAndTheRequestStays() {
        UUID id = exportOfAnn();
        requests.claim(id);
        Instant made = NOW.plus(Duration.ofMinutes(2));

        assertThat(requests.exported(id, "blob-7", 4096, made)).isTrue();

        PrivacyRequest r = world.requests.byId(id).orElseThrow();
        assertThat(r.state()).isEqualTo(PrivacyRequest.State.DONE);
        assertThat(r.progress()).isEqualTo(100);
        assertThat(r.sizeBytes()).isEqualTo(4096);
        assertThat(r.finishedAt()).isEqualTo(made);
        assertThat(r.expiresAt()).isEqualTo(made.plus(Duration.ofHours(24)));
        assertThat(r.downloadable(made.plus(Duration.ofHours(23)))).isTrue();

        assertThat(requests.expire(made.plus(Duration.ofHours(24)))).as("not over yet").isEmpty();
        assertThat(requests.expire(made.plus(Duration.ofHours(24)).plusSeconds(1))).containsExactly("blob-7");

        assertThat(r.state()).isEqualTo(PrivacyRequest.State.DONE);
        assertThat(r.expiresAt()).isEqualTo(made.plus(Duration.ofHours(24)));
        assertThat(r.downloadable(made)).as("its file is gone").isFalse();
        assertThat(requests.expire(made.plus(Duration.ofDays(2)))).as("withdrawn once").isEmpty();
    }

    @Test
    void anExportMadeWhileItsPersonWasErasedFailsSoThatItsFileIsDeleted() {
        UUID id = exportOfAnn();
        requests.claim(id);
        ann.erase();

        assertThat(requests.exported(id, "blob-8", 100, NOW)).isFalse();

        PrivacyRequest r = world.requests.byId(id).orElseThrow();
        assertThat(r.state()).isEqualTo(PrivacyRequest.State.FAILED);
        assertThat(r.error()).isEqualTo("The person's data was erased while the export was made; its file was deleted");
        assertThat(r.finishedAt()).isEqualTo(NOW);
        assertThat(requests.expire(NOW.plus(Duration.ofDays(2)))).as("nothing of it kept").isEmpty();
    }

    @Test
    void exportsQueuedOverAMinuteAgoThatNobodyStartedAreStranded() {
        UUID stranded = exportOfAnn();
        UUID started = exportOfAnn();
        requests.claim(started);

        assertThat(requests.stranded(NOW.plusSeconds(60))).isEmpty();
        assertThat(requests.stranded(NOW.plusSeconds(61))).containsExactly(stranded);
    }

    private UUID exportOfAnn() {
        return world.service.requestExport(PrivacyWorld.callerOf(ann), null).id();
    }
}
