package io.convene.recording;

import static io.convene.meeting.MeetingWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.audit.AuditAction;
import io.convene.media.MediaFailure;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingEvent;
import io.convene.meeting.MeetingWorld;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.NotFoundException;
import io.convene.shared.UnavailableException;
import io.convene.user.User;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Recording a meeting and watching it: who may start, stop, share, watch and delete, what everyone is told, what is audited. */
class RecordingServiceTest {

    private final RecordingWorld r = new RecordingWorld();
    private final MeetingWorld world = r.world;
    private final RecordingService recordings = r.service;

    private final User host = world.person("host");
    private final User ann = world.person("ann");
    private final User bob = world.person("bob");
    private final User zoe = world.person("zoe");
    private final Meeting meeting = world.live(host, ann, bob);
    private final String ref = meeting.id().toString();

    /** A recording of the meeting the finisher made ready: {@code content} in the blob store. */
    private Recording ready(String content) {
        RecordingView started = recordings.start(callerOf(host), ref);
        recordings.stop(callerOf(host), ref);
        Recording recording = r.recordings.byId(started.id()).orElseThrow();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        recording.ready(r.blobs.holding(bytes), "video/webm", bytes.length, Duration.ofMinutes(10), "ab12");
        return recording;
    }

    @Test
    void theHostRecordsALiveMeetingEveryoneInItIsToldAndItIsAudited() {
        world.clock.advance(Duration.ofMinutes(2));

        RecordingView view = recordings.start(callerOf(host), ref);

        assertThat(view.status()).isEqualTo(Recording.Status.RECORDING);
        assertThat(view.meetingId()).isEqualTo(meeting.id());
        assertThat(view.startedAt()).isEqualTo(MeetingWorld.NOW.plus(Duration.ofMinutes(2)));
        assertThat(r.recordings.all()).singleElement().satisfies(rec -> {
            assertThat(rec.id()).isEqualTo(view.id());
            assertThat(rec.startedBy()).isEqualTo(host.id());
        });
        assertThat(r.media.calls()).containsExactly("startRecording " + view.id() + " of " + meeting.id());
        MeetingEvent told = world.events.last(meeting.id(), "meeting.recording");
        assertThat(told.payload()).isEqualTo("{\"recording\":true,\"recordingId\":\"" + view.id() + "\"}");
        assertThat(told.isVisibleTo(world.of(meeting, ann).id(), false, null)).isTrue();
        assertThat(r.audited(AuditAction.RECORDING_STARTED)).singleElement().satisfies(e -> {
            assertThat(e.actorUserId()).isEqualTo(host.id());
            assertThat(e.target()).isEqualTo("recording:" + view.id());
            assertThat(e.detail()).isEqualTo("meeting " + meeting.id());
        });
    }

    @Test
    void theRecordingCountsFromWhenTheMediaServerBeganRecording() {
        r.media.whileStartingRecording(() -> world.clock.advance(Duration.ofSeconds(3)));

        RecordingView view = recordings.start(callerOf(host), ref);

        assertThat(view.startedAt()).isEqualTo(MeetingWorld.NOW.plusSeconds(3));
    }

    @Test
    void onlyTheHostAndCoHostsRecordAndOthersLeaveNoTrace() {
        assertThatThrownBy(() -> recordings.start(callerOf(ann), ref))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host and co-hosts record a meeting");
        assertThatThrownBy(() -> recordings.start(callerOf(zoe), ref))
                .isInstanceOf(NotFoundException.class).hasMessage("No such meeting, or it is not visible to you");

        assertThat(r.recordings.all()).isEmpty();
        assertThat(r.media.calls()).isEmpty();
        assertThat(world.events.typesOf(meeting.id())).doesNotContain("meeting.recording");
        assertThat(r.audit.all()).isEmpty();
    }

    @Test
    void onlyALiveMeetingIsRecordedAndOnlyOnceAtATime() {
        Meeting later = world.meeting(host);
        assertThatThrownBy(() -> recordings.start(callerOf(host), later.id().toString()))
                .isInstanceOf(ConflictException.class).hasMessage("Only a live meeting can be recorded");

        recordings.start(callerOf(host), ref);
        assertThatThrownBy(() -> recordings.start(callerOf(host), ref))
                .isInstanceOf(ConflictException.class).hasMessage("The meeting is being recorded already");

        assertThat(r.recordings.all()).hasSize(1);
        assertThat(r.media.calls()).hasSize(1);
    }

    @Test
    void withoutAMediaServerRecordingIsOff() {
        r.media.off();

        assertThatThrownBy(() -> recordings.start(callerOf(host), ref))
                .isInstanceOf(UnavailableException.class).hasMessage("Recording is off: no media server is configured");
        assertThat(r.recordings.all()).isEmpty();
    }

    @Test
    void aMediaServerThatCannotRecordLeavesNoRecordingAnnouncementOrEntry() {
        r.media.failing("startRecording", new MediaFailure("Janus: no such room"));

        assertThatThrownBy(() -> recordings.start(callerOf(host), ref))
                .isInstanceOf(MediaFailure.class).hasMessage("Janus: no such room");
        assertThat(r.recordings.all()).isEmpty();
        assertThat(world.events.typesOf(meeting.id())).doesNotContain("meeting.recording");
        assertThat(r.audit.all()).isEmpty();
    }

    @Test
    void aStartThatDoesNotCommitStopsTheMediaServerAndThrowsAwayWhatItRecorded() throws Exception {
        RecordingView started = recordings.start(callerOf(host), ref);
        java.nio.file.Path recorded = java.nio.file.Files.createTempFile("recorded", ".webm");
        r.media.recorded(started.id(), new io.convene.media.MediaServer.RecordedMedia(recorded, "video/webm", Duration.ofSeconds(3)));

        r.undos.rollBack(); // the database forgot the recording, its announcement and audit entry

        assertThat(r.media.calls()).containsExactly("startRecording " + started.id() + " of " + meeting.id(),
                "finishRecording " + started.id() + " of " + meeting.id());
        assertThat(recorded).as("what the media server recorded meanwhile").doesNotExist();
        assertThat(r.undos.undone()).containsExactly("recording " + started.id() + " of meeting " + meeting.id());
    }

    @Test
    void aStartThatCommitsLeavesTheMediaServerRecording() {
        recordings.start(callerOf(host), ref);

        r.undos.commit();
        r.undos.rollBack();

        assertThat(r.media.calls()).singleElement().asString().startsWith("startRecording ");
    }

    @Test
    void stoppingTellsEveryoneHandsTheRecordingOnToBeFinishedAndLetsANewOneStart() {
        RecordingView started = recordings.start(callerOf(host), ref);
        world.clock.advance(Duration.ofMinutes(10));

        RecordingView stopped = recordings.stop(callerOf(host), ref);

        assertThat(stopped.status()).isEqualTo(Recording.Status.PROCESSING);
        assertThat(stopped.stoppedAt()).isEqualTo(MeetingWorld.NOW.plus(Duration.ofMinutes(10)));
        assertThat(world.events.last(meeting.id(), "meeting.recording").payload())
                .isEqualTo("{\"recording\":false,\"recordingId\":\"" + started.id() + "\"}");
        assertThat(r.stopped.fired()).containsExactly(new RecordingService.Stopped(started.id()));
        assertThat(r.audited(AuditAction.RECORDING_STOPPED)).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo("recording:" + started.id()));

        RecordingView next = recordings.start(callerOf(host), ref);
        assertThat(recordings.ofMeeting(callerOf(host), ref)).extracting(RecordingView::id)
                .containsExactly(started.id(), next.id());
    }

    @Test
    void onlyARunningRecordingIsStoppedAndOnlyByTheHosts() {
        assertThatThrownBy(() -> recordings.stop(callerOf(host), ref))
                .isInstanceOf(ConflictException.class).hasMessage("The meeting is not being recorded");

        RecordingView started = recordings.start(callerOf(host), ref);
        assertThatThrownBy(() -> recordings.stop(callerOf(ann), ref))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host and co-hosts stop a recording");

        assertThat(r.recordings.byId(started.id()).orElseThrow().status()).isEqualTo(Recording.Status.RECORDING);
        assertThat(r.stopped.fired()).isEmpty();
    }

    @Test
    void aRecordingLeftRunningByALostNodeIsStoppedOnceInTheNameOfWhoStartedIt() {
        RecordingView started = recordings.start(callerOf(host), ref);
        r.recordings.nodeLost(started.id());
        assertThat(recordings.ofLostNodes()).containsExactly(started.id());

        recordings.stopOfLostNode(started.id());
        recordings.stopOfLostNode(started.id());

        assertThat(r.recordings.byId(started.id()).orElseThrow().status()).isEqualTo(Recording.Status.PROCESSING);
        assertThat(r.recordings.rereads).as("read as committed each time").isEqualTo(2);
        assertThat(r.stopped.fired()).containsExactly(new RecordingService.Stopped(started.id()));
        assertThat(r.audited(AuditAction.RECORDING_STOPPED)).singleElement().satisfies(e -> {
            assertThat(e.actorUserId()).isEqualTo(host.id());
            assertThat(e.detail()).isEqualTo("meeting " + meeting.id()
                    + ": the node recording it was lost; finished from what the media server wrote");
        });
        assertThat(recordings.ofLostNodes()).isEmpty();
    }

    @Test
    void theHostsAdministratorsAndComplianceOfficersWatchARecordingOthersDoNot() {
        Recording recording = ready("video");
        User admin = world.person("admin");
        User officer = world.person("officer");

        assertThat(recordings.view(callerOf(host), recording.id()).status()).isEqualTo(Recording.Status.READY);
        assertThat(recordings.view(callerOf(admin, Caller.ADMIN), recording.id()).id()).isEqualTo(recording.id());
        assertThat(recordings.view(callerOf(officer, Caller.COMPLIANCE_OFFICER), recording.id()).id()).isEqualTo(recording.id());
        for (User other : new User[] {ann, zoe}) {
            assertThatThrownBy(() -> recordings.view(callerOf(other), recording.id()))
                    .isInstanceOf(AccessDeniedException.class).hasMessage("You may not watch this recording");
        }
        assertThat(recordings.ofMeeting(callerOf(ann), ref)).isEmpty();
        assertThatThrownBy(() -> recordings.view(callerOf(host), UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such recording");
    }

    @Test
    void sharedByTheHostsTheMeetingsParticipantsWatchItTooButNobodyElse() {
        Recording recording = ready("video");
        assertThatThrownBy(() -> recordings.share(callerOf(ann), recording.id(), true))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host and co-hosts share a recording");
        assertThat(recording.shared()).isFalse();

        assertThat(recordings.share(callerOf(host), recording.id(), true).shared()).isTrue();

        assertThat(recordings.view(callerOf(ann), recording.id()).shared()).isTrue();
        assertThat(recordings.ofMeeting(callerOf(ann), ref)).extracting(RecordingView::id).containsExactly(recording.id());
        assertThat(recordings.mine(callerOf(ann))).singleElement()
                .satisfies(row -> assertThat(row.meetingTitle()).isEqualTo("Weekly"));
        assertThatThrownBy(() -> recordings.view(callerOf(zoe), recording.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(recordings.mine(callerOf(zoe))).isEmpty();

        recordings.share(callerOf(host), recording.id(), false);
        assertThatThrownBy(() -> recordings.view(callerOf(ann), recording.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(r.audit.all()).extracting(e -> e.action()).containsSubsequence("RECORDING_SHARED", "RECORDING_UNSHARED");
    }

    @Test
    void myRecordingsAreTheReadyOnesOfMyMeetingsThatIMayWatch() {
        Recording first = ready("first");
        world.clock.advance(Duration.ofMinutes(30));
        Recording second = ready("second");
        world.clock.advance(Duration.ofMinutes(30));
        recordings.start(callerOf(host), ref); // still recording: not listed

        assertThat(recordings.mine(callerOf(host))).extracting(row -> row.recording().id())
                .containsExactly(second.id(), first.id());
        recordings.share(callerOf(host), first.id(), true);
        assertThat(recordings.mine(callerOf(bob))).extracting(row -> row.recording().id()).containsExactly(first.id());
    }

    @Test
    void openingAReadyRecordingIsAuditedWithWhatIsReadAndReadsFromTheOffsetAsked() throws IOException {
        RecordingView processing = recordings.start(callerOf(host), ref);
        recordings.stop(callerOf(host), ref);
        assertThatThrownBy(() -> recordings.open(callerOf(host), processing.id(), "bytes=0-"))
                .isInstanceOf(ConflictException.class).hasMessage("The recording is not ready (processing)");
        assertThat(r.audited(AuditAction.RECORDING_ACCESSED)).isEmpty();

        Recording recording = ready("0123456789");
        RecordingService.Opened opened = recordings.open(callerOf(host), recording.id(), "bytes=4-");

        assertThat(opened.recording().sizeBytes()).isEqualTo(10);
        try (InputStream in = opened.from().apply(4)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("456789");
        }
        assertThat(r.audited(AuditAction.RECORDING_ACCESSED)).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo("recording:" + recording.id());
            assertThat(e.detail()).isEqualTo("bytes=4-");
        });
    }

    @Test
    void theMeetingsHostAndComplianceOfficersDeleteAReadyRecordingWhoseFileGoesOnceThatCommits() {
        Recording recording = ready("video");
        String blob = r.blobs.keys().get(0);
        User admin = world.person("admin");
        for (Caller other : new Caller[] {callerOf(ann), callerOf(admin, Caller.ADMIN)}) {
            assertThatThrownBy(() -> recordings.delete(other, recording.id()))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("Only the meeting's host and compliance officers delete a recording");
        }

        recordings.delete(callerOf(host), recording.id());

        assertThat(r.recordings.all()).isEmpty();
        assertThat(r.deleted.fired()).containsExactly(new RecordingService.Deleted(recording.id(), blob));
        assertThat(r.blobs.held()).as("deleted after the commit, by the lifecycle").containsKey(blob);
        assertThat(r.audited(AuditAction.RECORDING_DELETED)).singleElement()
                .satisfies(e -> assertThat(e.actorUserId()).isEqualTo(host.id()));
        assertThatThrownBy(() -> recordings.delete(callerOf(host), recording.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such recording");

        Recording another = ready("another");
        recordings.delete(callerOf(world.person("officer"), Caller.COMPLIANCE_OFFICER), another.id());
        assertThat(r.recordings.all()).isEmpty();
        assertThat(r.audited(AuditAction.RECORDING_DELETED)).hasSize(2);
    }

    @Test
    void aRecordingBeingMadeIsNotDeletedButAFailedOneIs() {
        RecordingView running = recordings.start(callerOf(host), ref);
        assertThatThrownBy(() -> recordings.delete(callerOf(host), running.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("The recording is still being made; delete it once it is ready or failed");
        recordings.stop(callerOf(host), ref);
        assertThatThrownBy(() -> recordings.delete(callerOf(host), running.id())).isInstanceOf(ConflictException.class);

        recordings.failed(running.id(), "the media server lost the feeds");
        assertThat(recordings.view(callerOf(host), running.id()).failure()).isEqualTo("the media server lost the feeds");
        recordings.delete(callerOf(host), running.id());

        assertThat(r.deleted.fired()).containsExactly(new RecordingService.Deleted(running.id(), null));
    }

    @Test
    void aRecordingALegalHoldKeepsIsNotDeletedAndOnlyComplianceOfficersHearWhy() {
        Recording recording = ready("video");
        r.holds.place(host.id(), "litigation 2026-17", world.person("counsel").id(), world.clock.instant());
        r.holds.concerns(recording.id(), host.id());
        Caller officer = callerOf(world.person("officer"), Caller.COMPLIANCE_OFFICER);

        assertThatThrownBy(() -> recordings.delete(callerOf(host), recording.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Someone in this meeting is on legal hold: the recording must be kept until it is released");
        assertThatThrownBy(() -> recordings.delete(officer, recording.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Someone in this meeting is on legal hold (litigation 2026-17): the recording must be kept"
                        + " until it is released");

        assertThat(r.recordings.all()).containsExactly(recording);
        assertThat(r.deleted.fired()).isEmpty();
        assertThat(r.audited(AuditAction.RECORDING_DELETED)).isEmpty();
    }

    @Test
    void everyRecordingNewestFirstIsForAdministratorsAndComplianceOfficers() {
        RecordingView first = recordings.start(callerOf(host), ref);
        recordings.stop(callerOf(host), ref);
        world.clock.advance(Duration.ofMinutes(1));
        RecordingView second = recordings.start(callerOf(host), ref);
        User admin = world.person("admin");

        assertThatThrownBy(() -> recordings.recent(callerOf(host, Caller.HOST), 10))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only administrators and compliance officers see every recording");
        assertThat(recordings.recent(callerOf(admin, Caller.ADMIN), 10))
                .extracting(row -> row.recording().id(), RecordingService.RecordingRow::meetingTitle)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second.id(), "Weekly"),
                        org.assertj.core.groups.Tuple.tuple(first.id(), "Weekly"));
        assertThat(recordings.recent(callerOf(admin, Caller.ADMIN), 0)).hasSize(1);
    }
}
