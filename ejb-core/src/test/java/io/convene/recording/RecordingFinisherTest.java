package io.convene.recording;

import static io.convene.meeting.MeetingWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.media.MediaFailure;
import io.convene.media.MediaServer;
import io.convene.meeting.Meeting;
import io.convene.notification.NoticeKind;
import io.convene.user.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finishing a stopped recording in the background: the media server makes the file, the blob store
 * takes it within the limit, the media server's file goes; what goes wrong fails the recording with
 * its reason; a file that is stored makes the recording ready and tells its hosts.
 */
class RecordingFinisherTest {

    @TempDir
    Path dir;

    private final RecordingWorld r = new RecordingWorld();
    private final User host = r.world.person("host");
    private final Meeting meeting = r.world.live(host, r.world.person("ann"));
    private final UUID recordingId;

    RecordingFinisherTest() {
        recordingId = r.service.start(callerOf(host), meeting.id().toString()).id();
        r.service.stop(callerOf(host), meeting.id().toString());
    }

    private Path madeFile(int bytes) throws IOException {
        return Files.write(dir.resolve("recording.webm"), new byte[bytes]);
    }

    private RecordingView recording() {
        return r.recordings.byId(recordingId).orElseThrow().view();
    }

    @Test
    void theMediaServerIsAskedToMakeTheFileOfTheRecordingsMeetingAndARefusalFailsTheRecording() {
        r.finisher.finish(recordingId);

        assertThat(r.media.calls()).endsWith("finishRecording " + recordingId + " of " + meeting.id());
        assertThat(recording().status()).isEqualTo(Recording.Status.FAILED);
        assertThat(recording().failure()).isEqualTo("nothing was recorded for " + recordingId);
        assertThat(r.blobs.held()).isEmpty();
    }

    @Test
    void aStoredFileMakesTheRecordingReadyAndItsHostsAreTold() throws IOException {
        Path file = madeFile(10);
        r.media.recorded(recordingId, new MediaServer.RecordedMedia(file, "video/webm", Duration.ofMinutes(3)));

        r.finisher.finish(recordingId);

        assertThat(recording().status()).isEqualTo(Recording.Status.READY);
        assertThat(r.blobs.held()).hasSize(1);
        assertThat(r.broker.noticesSent()).singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(NoticeKind.RECORDING_READY));
        assertThat(file).doesNotExist();
    }

    @Test
    void aStoredFileWhoseRecordingCannotBecomeReadyIsRemovedAgain() throws IOException {
        Path file = madeFile(10);
        r.media.recorded(recordingId, new MediaServer.RecordedMedia(file, "video/webm", Duration.ofMinutes(3)));
        r.broker.goAway(); // the hosts cannot be told: the recording's transaction rolls back in the container

        r.finisher.finish(recordingId);

        assertThat(recording().status()).isEqualTo(Recording.Status.FAILED);
        assertThat(r.blobs.held()).as("no file left behind that no recording names").isEmpty();
        assertThat(r.blobs.deleted()).hasSize(1);
    }

    @Test
    void aFileLargerThanAllowedIsNotKeptAndTheMediaServersFileIsRemoved() throws IOException {
        Path file = madeFile(1025);
        r.media.recorded(recordingId, new MediaServer.RecordedMedia(file, "video/webm", Duration.ofMinutes(3)));

        r.finisher.finish(recordingId);

        assertThat(recording().status()).isEqualTo(Recording.Status.FAILED);
        assertThat(recording().failure()).isEqualTo("Files are at most 1024 bytes");
        assertThat(r.blobs.held()).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void aBlobStoreFailingWithoutAMessageFailsTheRecordingWithTheFailuresKind() throws IOException {
        Path file = madeFile(10);
        r.media.recorded(recordingId, new MediaServer.RecordedMedia(file, "video/webm", Duration.ofMinutes(3)));
        r.blobs.failing(new IllegalStateException());

        r.finisher.finish(recordingId);

        assertThat(recording().failure()).isEqualTo("IllegalStateException");
        assertThat(file).doesNotExist();
    }

    @Test
    void aLongReasonIsKeptToItsFirst500Characters() {
        r.media.failing("finishRecording", new MediaFailure("x".repeat(499) + "yz"));

        r.finisher.finish(recordingId);

        assertThat(recording().failure()).hasSize(500).endsWith("xy");
    }
}
