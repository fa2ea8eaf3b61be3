package io.convene.privacy;

import io.convene.personaldata.ExportSink;
import io.convene.personaldata.PersonalDataKeeper;
import io.convene.storage.BlobStore;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a person's export in the background: a ZIP with one JSON file per kind of record, the files
 * they shared, and an index.html a person can read; progress is on the request as it goes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PrivacyExports {

    private static final Logger LOG = Logger.getLogger(PrivacyExports.class.getName());
    private static final long MAX_EXPORT_BYTES = 10L << 30;
    private static final JsonWriterFactory PRETTY = Jsons.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    @Inject
    PersonalDataKeepers keepers;

    @EJB
    PrivacyRequests requests;

    @jakarta.ejb.EJB
    BlobStore blobs;

    @Inject
    Clock clock;

    @Asynchronous
    public void runLater(UUID requestId) {
        run(requestId);
    }

    public void run(UUID requestId) {
        PrivacyRequest request = requests.claim(requestId);
        if (request == null) {
            return;
        }
        Path zip = null;
        try {
            zip = Files.createTempFile("convene-export-", ".zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                ZipSink sink = new ZipSink(out);
                List<PersonalDataKeeper> all = keepers.inOrder();
                int done = 0;
                for (PersonalDataKeeper keeper : all) {
                    keeper.export(request.subjectId(), sink);
                    requests.progress(requestId, ++done * 90 / all.size());
                }
                out.putNextEntry(new ZipEntry("index.html"));
                out.write(ExportIndex.html(request, sink.sections).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            BlobStore.Stored stored;
            try (InputStream in = Files.newInputStream(zip)) {
                stored = blobs.put(in, MAX_EXPORT_BYTES);
            }
            if (!requests.exported(requestId, stored.key(), stored.size(), clock.instant())) {
                blobs.delete(stored.key());
                LOG.info(() -> "Export " + requestId + " of user " + request.subjectId() + " dropped: their data was erased meanwhile");
                return;
            }
            LOG.info(() -> "Export " + requestId + " of user " + request.subjectId() + " ready: " + stored.size() + " bytes");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Export " + requestId + " of user " + request.subjectId() + " failed", e);
            requests.failed(requestId, "The export could not be made: " + e.getMessage(), clock.instant());
        } finally {
            if (zip != null) {
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException e) {
                    LOG.warning(() -> "Temporary export file not removed: " + e.getMessage());
                }
            }
        }
    }

    /** The export's ZIP as the keepers write to it; remembers each section's meaning and count for the index. */
    private static final class ZipSink implements ExportSink {

        private final ZipOutputStream out;
        final List<ExportIndex.Section> sections = new ArrayList<>();

        ZipSink(ZipOutputStream out) {
            this.out = out;
        }

        @Override
        public void section(String name, String meaning, JsonArray rows) throws IOException {
            out.putNextEntry(new ZipEntry(name + ".json"));
            PRETTY.createWriter(new NonClosing(out), StandardCharsets.UTF_8).write(rows);
            out.closeEntry();
            sections.add(new ExportIndex.Section(name, meaning, rows.size()));
        }

        @Override
        public void file(String path, InputStream content) throws IOException {
            out.putNextEntry(new ZipEntry(path));
            content.transferTo(out);
            out.closeEntry();
        }
    }

    /** The zip entry stays open when a JSON writer closes its stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

}
