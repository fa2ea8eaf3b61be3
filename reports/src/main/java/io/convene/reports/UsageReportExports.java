package io.convene.reports;

import io.convene.storage.BlobStore;
import io.convene.storage.BlobStore;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes a usage report file in the background: rows from {@link OrganisationUsage} straight into
 * the format's writer and a temporary file, then into the blob store. Progress: 1 % when taken,
 * 50 % once PostgreSQL answered, then by rows written against the most there can be.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UsageReportExports {

    private static final Logger LOG = Logger.getLogger(UsageReportExports.class.getName());
    private static final long MAX_BYTES = 4L << 30;
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

    @EJB
    ReportJobs jobs;

    @EJB
    OrganisationUsage usage;

    @jakarta.ejb.EJB
    BlobStore blobs;

    @Asynchronous
    public void runLater(UUID jobId) {
        run(jobId);
    }

    public void run(UUID jobId) {
        if (!jobs.claim(jobId, Instant.now())) {
            return;
        }
        ReportJob job = jobs.find(jobId);
        long t0 = System.nanoTime();
        Path file = null;
        try {
            file = Files.createTempFile("convene-report-", "." + job.format().extension());
            long rows = write(job, file);
            BlobStore.Stored stored;
            try (InputStream in = Files.newInputStream(file)) {
                stored = blobs.put(in, MAX_BYTES);
            }
            jobs.ready(jobId, rows, stored.key(), stored.size(), Instant.now());
            LOG.info(() -> String.format("Usage report %s (%s by %s, %s to %s) ready: %d rows, %d bytes in %d ms", jobId,
                    job.format(), job.period(), job.from(), job.to(), rows, stored.size(), (System.nanoTime() - t0) / 1_000_000));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Usage report " + jobId + " failed", e);
            jobs.failed(jobId, "The report could not be made: " + e.getMessage(), Instant.now());
        } finally {
            deleteQuietly(file);
        }
    }

    private long write(ReportJob job, Path file) throws IOException {
        UsageQuery query = job.query();
        long most = Math.max(1, usage.rowsAtMost(query));
        long[] written = {0, System.nanoTime()};
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             UsageWriter writer = UsageWriter.of(job.format(), query, out)) {
            usage.read(query, () -> jobs.progress(job.id(), 50, 0, Instant.now()), row -> {
                try {
                    writer.row(row);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                long rows = ++written[0];
                if (System.nanoTime() - written[1] > PROGRESS_EVERY_NANOS) {
                    written[1] = System.nanoTime();
                    jobs.progress(job.id(), (int) Math.min(95, 50 + 45 * rows / most), rows, Instant.now());
                }
            });
            writer.finish();
        }
        return written[0];
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warning(() -> "Temporary report file " + file + " not removed: " + e.getMessage());
            }
        }
    }
}
