package io.convene.recording;

import io.convene.meeting.MeetingLifecycle;
import io.convene.storage.BlobStore;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * A stopped recording is finished once the stop committed, a deleted one's file deleted once the
 * deletion committed; a meeting that ends, or that everyone left, stops its recording.
 */
@ApplicationScoped
public class RecordingLifecycle {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RecordingLifecycle.class.getName());

    @EJB
    RecordingFinisher finisher;

    @jakarta.ejb.EJB
    BlobStore blobs;

    void stopped(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordingService.Stopped stopped) {
        finisher.finish(stopped.recordingId());
    }

    /** The file of a deleted recording goes once the deletion committed (a rolled-back one keeps it). */
    void deleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordingService.Deleted deleted) {
        if (deleted.blobKey() != null) {
            try {
                blobs.delete(deleted.blobKey());
            } catch (RuntimeException e) {
                LOG.warning(() -> "The file " + deleted.blobKey() + " of deleted recording " + deleted.recordingId()
                        + " could not be removed: " + e.getMessage());
            }
        }
    }

    void meetingEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingLifecycle.Ended ended) {
        finisher.stopWithMeeting(ended.meetingId());
    }

    /** Everyone left: what was recorded is kept and made ready. */
    void meetingEmptied(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingLifecycle.Emptied emptied) {
        finisher.stopWithMeeting(emptied.meetingId());
    }
}
