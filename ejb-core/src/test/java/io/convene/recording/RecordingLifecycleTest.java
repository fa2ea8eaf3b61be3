package io.convene.recording;

import static io.convene.meeting.MeetingWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingLifecycle;
import io.convene.user.User;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What follows a recording's stop or deletion, and a meeting's end, once each committed. */
class RecordingLifecycleTest {

    private final RecordingWorld r = new RecordingWorld();
    private final User host = r.world.person("host");
    private final Meeting meeting = r.world.live(host, r.world.person("ann"));
    private final String ref = meeting.id().toString();

    private Recording readyAndDeleted() {
        RecordingView started = r.service.start(callerOf(host), ref);
        r.service.stop(callerOf(host), ref);
        Recording recording = r.recordings.byId(started.id()).orElseThrow();
        recording.ready(r.blobs.holding("video".getBytes(StandardCharsets.UTF_8)), "video/webm", 5, Duration.ofMinutes(1), "ab");
        r.service.delete(callerOf(host), recording.id());
        return recording;
    }

    @Test
    void aStoppedRecordingGoesToTheFinisherWhichAsksTheMediaServerForItsFile() {
        RecordingView started = r.service.start(callerOf(host), ref);
        r.service.stop(callerOf(host), ref);

        r.lifecycle.stopped(r.stopped.fired().get(0));

        assertThat(r.media.calls()).containsExactly("startRecording " + started.id() + " of " + meeting.id(),
                "finishRecording " + started.id() + " of " + meeting.id());
        assertThat(r.recordings.byId(started.id()).orElseThrow().status())
                .as("nothing was recorded by the media server in memory").isEqualTo(Recording.Status.FAILED);
    }

    @Test
    void aDeletedRecordingsFileIsRemovedFromTheBlobStore() {
        readyAndDeleted();
        String blob = r.blobs.keys().get(0);

        r.lifecycle.deleted(r.deleted.fired().get(0));

        assertThat(r.blobs.deleted()).containsExactly(blob);
        assertThat(r.blobs.held()).isEmpty();
    }

    @Test
    void aDeletedRecordingWithoutAFileNeedsNothingAndAFileThatCannotBeRemovedIsOnlyLogged() {
        r.lifecycle.deleted(new RecordingService.Deleted(java.util.UUID.randomUUID(), null));
        assertThat(r.blobs.deleted()).isEmpty();

        readyAndDeleted();
        r.blobs.failing(new UncheckedIOException(new java.io.IOException("disk gone")));
        assertThatCode(() -> r.lifecycle.deleted(r.deleted.fired().get(0))).doesNotThrowAnyException();
        assertThat(r.blobs.held()).hasSize(1);
    }

    @Test
    void aMeetingThatEndsStopsItsRecordingAndEveryoneStillThereIsTold() {
        RecordingView started = r.service.start(callerOf(host), ref);

        r.lifecycle.meetingEnded(new MeetingLifecycle.Ended(meeting.id()));

        assertThat(r.recordings.byId(started.id()).orElseThrow().status()).isEqualTo(Recording.Status.PROCESSING);
        assertThat(r.stopped.fired()).containsExactly(new RecordingService.Stopped(started.id()));
        assertThat(r.world.events.last(meeting.id(), "meeting.recording").payload()).contains("\"recording\":false");
    }

    @Test
    void aMeetingEveryoneLeftKeepsWhatWasRecordedAndAMeetingNotRecordingNeedsNothing() {
        Meeting other = r.world.live(host);
        RecordingView started = r.service.start(callerOf(host), ref);

        r.lifecycle.meetingEmptied(new MeetingLifecycle.Emptied(other.id()));
        assertThat(r.stopped.fired()).isEmpty();

        r.lifecycle.meetingEmptied(new MeetingLifecycle.Emptied(meeting.id()));
        assertThat(r.stopped.fired()).containsExactly(new RecordingService.Stopped(started.id()));
        r.lifecycle.meetingEnded(new MeetingLifecycle.Ended(meeting.id()));
        assertThat(r.stopped.fired()).hasSize(1);
    }
}
