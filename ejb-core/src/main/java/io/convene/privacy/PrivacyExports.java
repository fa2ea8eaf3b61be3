package io.convene.privacy;

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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
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

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @EJB
    PrivacyRequests requests;

    @Inject
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
            Map<String, Integer> counts = new LinkedHashMap<>();
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                int done = 0;
                for (String section : PersonalData.SECTIONS.keySet()) {
                    JsonArray rows = PersonalData.section(em, section, request.subjectId());
                    counts.put(section, rows.size());
                    out.putNextEntry(new ZipEntry(section + ".json"));
                    PRETTY.createWriter(new NonClosing(out), StandardCharsets.UTF_8).write(rows);
                    out.closeEntry();
                    if (section.equals("files")) {
                        copyFiles(out, request.subjectId());
                    } else if (section.equals("profile")) {
                        copyPicture(out, request.subjectId());
                    }
                    requests.progress(requestId, ++done * 90 / PersonalData.SECTIONS.size());
                }
                out.putNextEntry(new ZipEntry("index.html"));
                out.write(ExportIndex.html(request, counts).getBytes(StandardCharsets.UTF_8));
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

    private void copyFiles(ZipOutputStream out, UUID userId) throws IOException {
        @SuppressWarnings("unchecked")
        List<Object[]> files = em.createNativeQuery("""
                        select a.id, a.file_name, a.storage_key from chat_attachments a
                        join participations p on p.id = a.uploader_id where p.user_id = ?1""")
                .setParameter(1, userId).getResultList();
        for (Object[] f : files) {
            String name = "files/" + f[0] + "-" + ((String) f[1]).replaceAll("[^\\p{L}\\p{N}._-]", "_");
            out.putNextEntry(new ZipEntry(name));
            try (InputStream in = blobs.open((String) f[2])) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
    }

    /** One's uploaded profile picture, as Convene keeps it. */
    private void copyPicture(ZipOutputStream out, UUID userId) throws IOException {
        @SuppressWarnings("unchecked")
        List<byte[]> picture = em.createNativeQuery("select image from profile_pictures where user_id = ?1")
                .setParameter(1, userId).getResultList();
        if (!picture.isEmpty()) {
            out.putNextEntry(new ZipEntry("profile-picture.png"));
            out.write(picture.get(0));
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
