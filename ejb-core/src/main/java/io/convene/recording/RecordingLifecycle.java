package io.convene.recording;

import io.convene.meeting.MeetingLifecycle;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** A stopped recording is finished once the stop committed; a meeting that ends stops its recording. */
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
}
