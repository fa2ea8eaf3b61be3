package io.convene.chat;

import io.convene.platform.JobLeases;
import io.convene.storage.BlobStore;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once a minute (on one node of a cluster): removes chat attachments that were uploaded and never
 * sent within {@code convene.chat.unsent-attachment-max-age}, rows first (committed), then their
 * bytes, and says how many.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each batch commits before its blobs go
public class ChatAttachmentSweep {

    @jakarta.ejb.EJB
    io.convene.platform.DatabaseReach database;

    private static final Logger LOG = Logger.getLogger(ChatAttachmentSweep.class.getName());

    @EJB
    ChatAttachments attachments;

    @EJB
    JobLeases leases;

    @jakarta.ejb.EJB
    BlobStore blobs;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void tick() {
        if (database.waiting("Removing unsent chat attachments")) {
            return;
        }
        try {
            if (!leases.hold("chat-attachment-sweep", java.time.Duration.ofMinutes(3))) {
                return; // another node sweeps
            }
            int removed = 0;
            long bytes = 0;
            for (ChatAttachments.Swept batch = attachments.removeUnsent(); batch.attachments() > 0;
                 batch = attachments.removeUnsent()) {
                batch.storageKeys().forEach(this::deleteBlob);
                removed += batch.attachments();
                bytes += batch.bytes();
            }
            if (removed > 0) {
                int count = removed;
                long total = bytes;
                LOG.info(() -> "Removed " + count + " unsent chat attachment(s), " + total + " bytes, older than "
                        + attachments.unsentMaxAge());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Removing unsent chat attachments failed; next minute tries again", e);
        }
    }

    private void deleteBlob(String key) {
        try {
            blobs.delete(key);
        } catch (RuntimeException e) {
            LOG.warning(() -> "An unsent attachment's blob " + key + " could not be removed: " + e.getMessage());
        }
    }
}
