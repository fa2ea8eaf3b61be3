package io.convene.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A report job's life in {@code report_jobs} (a real PostgreSQL): taken once, restarted when its node went silent, expired. */
class ReportJobsTest {

    static ReportJobs jobs;
    static UUID officer;

    @BeforeAll
    static void database() {
        jobs = new ReportJobs();
        jobs.db = ReportDatabase.start();
        officer = ReportDatabase.user(jobs.db, "Olga Officer", "Compliance");
    }

    @Test
    void aJobIsTakenOnceAndReadyUntilItExpires() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = queued(now);
        assertThat(jobs.claim(id, now)).isTrue();
        assertThat(jobs.claim(id, now)).as("a second node does not take it too").isFalse();
        jobs.progress(id, 60, 120, now);
        assertThat(jobs.find(id)).extracting(ReportJob::state, ReportJob::progress, ReportJob::rowsWritten)
                .containsExactly(ReportJob.State.RUNNING, 60, 120L);

        jobs.ready(id, 150, "blob-" + id, 4096, now);
        ReportJob ready = jobs.find(id);
        assertThat(ready.state()).isEqualTo(ReportJob.State.READY);
        assertThat(ready.progress()).isEqualTo(100);
        assertThat(ready.expiresAt()).isEqualTo(now.plus(ReportJobs.KEPT));
        assertThat(jobs.expire(now.plus(Duration.ofDays(1)))).doesNotContain("blob-" + id);

        assertThat(jobs.expire(now.plus(ReportJobs.KEPT).plusSeconds(1))).contains("blob-" + id);
        assertThat(jobs.find(id).state()).isEqualTo(ReportJob.State.EXPIRED);
        assertThat(jobs.blobKey(id)).isNull();
    }

    @Test
    void aJobWhoseNodeWentSilentIsQueuedAgainAndOneNeverStartedIsListed() {
        Instant then = Instant.now().minus(Duration.ofMinutes(30));
        UUID silent = queued(then);
        jobs.claim(silent, then);
        UUID neverStarted = queued(then);
        UUID justQueued = queued(Instant.now());

        assertThat(jobs.stranded(Instant.now())).contains(silent, neverStarted).doesNotContain(justQueued);
        assertThat(jobs.find(silent).state()).isEqualTo(ReportJob.State.QUEUED);
    }

    @Test
    void aFailureIsKeptShortAndFinal() {
        UUID id = queued(Instant.now());
        jobs.claim(id, Instant.now());
        jobs.failed(id, "x".repeat(5000), Instant.now());
        assertThat(jobs.find(id).state()).isEqualTo(ReportJob.State.FAILED);
        assertThat(jobs.find(id).failure()).hasSize(1000);
        assertThat(jobs.claim(id, Instant.now())).isFalse();
    }

    private static UUID queued(Instant at) {
        UUID id = UUID.randomUUID();
        jobs.create(id, officer, ReportFormat.XLSX, new UsageQuery(UsageQuery.Period.WEEK, LocalDate.of(2021, 1, 4),
                LocalDate.of(2021, 2, 1)), at);
        return id;
    }
}
