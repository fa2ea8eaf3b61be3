package io.convene.recording;

import io.convene.media.MediaServer;
import io.convene.storage.BlobStore;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finishes recordings in the background: the media server makes the file (for Janus, the feeds
 * converted and composed: slow), it goes to the blob store with its SHA-256 computed on the way,
 * and the recording is ready — or failed, with the reason, and logged.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RecordingFinisher {

    private static final Logger LOG = Logger.getLogger(RecordingFinisher.class.getName());

    @EJB
    MediaServer media;

    @EJB
    RecordingService recordings;

    @jakarta.ejb.EJB
    BlobStore blobs;

    @Inject
    @ConfigProperty(name = "convene.recordings.max-bytes", defaultValue = "21474836480")
    long maxBytes;

    @Asynchronous
    public void finish(UUID recordingId) {
        UUID meetingId = recordings.meetingOf(recordingId);
        BlobStore.Stored stored = null;
        boolean ready = false;
        java.nio.file.Path made = null;
        try {
            MediaServer.RecordedMedia media = this.media.finishRecording(meetingId, recordingId);
            made = media.file();
            try (DigestInputStream in = new DigestInputStream(Files.newInputStream(made), MessageDigest.getInstance("SHA-256"))) {
                stored = blobs.put(in, maxBytes);
                recordings.completed(recordingId, stored.key(), media.format(), stored.size(), media.duration(),
                        HexFormat.of().formatHex(in.getMessageDigest().digest()));
                ready = true;
            }
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            if (ready) { // only closing the media server's file failed: the recording is ready all the same
                LOG.warning(() -> "Recording " + recordingId + " is ready; closing the media server's file failed: " + e);
            } else {
                LOG.log(Level.WARNING, "Recording " + recordingId + " of meeting " + meetingId + " could not be finished", e);
                if (stored != null) { // stored, but the recording did not become ready (its transaction rolled back)
                    removeOrphan(recordingId, stored.key());
                }
                recordings.failed(recordingId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        } finally {
            if (made != null) {
                removeMediaServersFile(recordingId, made);
            }
        }
    }

    private void removeOrphan(UUID recordingId, String key) {
        try {
            blobs.delete(key);
        } catch (RuntimeException e) {
            LOG.warning(() -> "The file of failed recording " + recordingId + " stays in the blob store (" + key + "): "
                    + e.getMessage());
        }
    }

    /** The media server's own copy goes once the blob store has it (or it failed); one that cannot go is only logged. */
    private static void removeMediaServersFile(UUID recordingId, java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning(() -> "The media server's file of recording " + recordingId + " stays at " + file + ": " + e);
        }
    }

    @Asynchronous
    public void stopWithMeeting(UUID meetingId) {
        recordings.stopWithMeeting(meetingId);
    }
}
