package io.convene.recording;

import io.convene.meeting.MeetingLifecycle;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** A stopped recording is finished once the stop committed; a meeting that ends, or that everyone left, stops its recording. */
@ApplicationScoped
public class RecordingLifecycle {

    @EJB
    RecordingFinisher finisher;

    void stopped(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordingService.Stopped stopped) {
        finisher.finish(stopped.recordingId());
    }

    void meetingEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingLifecycle.Ended ended) {
        finisher.stopWithMeeting(ended.meetingId());
    }

    /** Everyone left: what was recorded is kept and made ready. */
    void meetingEmptied(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingLifecycle.Emptied emptied) {
        finisher.stopWithMeeting(emptied.meetingId());
    }
}
