package io.convene.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.Cast;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingWorld;
import io.convene.notification.RecordingBroker;
import io.convene.platform.CountingMetrics;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.shared.TooLargeException;
import io.convene.storage.InMemoryBlobStore;
import io.convene.user.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Chat attachments against the chat repository and the blob store in memory: what an upload keeps,
 * the quotas of unsent and of all files, who downloads, and the sweep of files never sent.
 */
class ChatAttachmentsTest {

    private static final long MAX_BYTES = 1000;

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryChat chat = new InMemoryChat();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final ChatAttachments attachments = new ChatAttachments();
    private final ChatService service = ChatServices.of(world, chat, new RecordingBroker().notices(world.clock),
            new CountingMetrics().productCounters());

    private final Cast cast = world.cast();
    private final User host = cast.host(), ann = cast.ann(), bob = cast.bob(), cid = cast.cid();
    private final Meeting meeting = cast.meeting();
    private final String ref = cast.ref();

    ChatAttachmentsTest() {
        attachments.meetings = world.meetings;
        attachments.attendees = world.attendees;
        attachments.chat = chat;
        attachments.blobs = blobs;
        attachments.clock = world.clock;
        attachments.maxBytes = MAX_BYTES;
        attachments.unsentBytesPerParticipant = Optional.empty(); // three files' worth: 3000
        attachments.bytesPerMeeting = 10_000;
        attachments.unsentMaxAge = Duration.ofHours(1);
    }

    private static Caller as(User user) {
        return MeetingWorld.callerOf(user);
    }

    private static InputStream bytes(int size) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) 'x');
        return new ByteArrayInputStream(content);
    }

    private ChatMessageView.Attachment upload(User by, int size) {
        return attachments.upload(as(by), null, ref, "file.bin", "application/pdf", bytes(size));
    }

    private void sendWith(User by, ChatMessageView.Attachment file, UUID to) {
        service.send(as(by), null, ref, new ChatSend("with-" + file.id(), "here", to, file.id()));
    }

    private UUID idOf(User user) {
        return world.of(meeting, user).id();
    }

    @Test
    void anUploadKeepsTheBytesAndRecordsTheFileUnderACleanNameForItsUploader() {
        ChatMessageView.Attachment file = attachments.upload(as(ann), null, ref, " ../reports\\q3.pdf ", "application/pdf",
                bytes(300));

        assertThat(file.fileName()).isEqualTo(".._reports_q3.pdf");
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.size()).isEqualTo(300);
        assertThat(chat.attachments()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(file.id());
            assertThat(a.meetingId()).isEqualTo(meeting.id());
            assertThat(a.uploaderId()).isEqualTo(idOf(ann));
            assertThat(blobs.held().get(a.storageKey())).hasSize(300);
        });
        assertThat(blobs.limits()).containsExactly(MAX_BYTES);
        assertThat(chat.meetingLocks()).isOne();
    }

    @Test
    void aFileNeedsANameAndAContentTypeThatIsNoneIsTakenAsBytes() {
        for (String name : new String[] {null, "   ", "..", "."}) {
            assertThatThrownBy(() -> attachments.upload(as(ann), null, ref, name, "text/plain", bytes(10)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("fileName: send the file name in the X-File-Name header");
        }
        assertThat(blobs.held()).isEmpty();

        assertThat(attachments.upload(as(ann), null, ref, "a.txt", "not a type", bytes(10)).contentType())
                .isEqualTo("application/octet-stream");
        assertThat(attachments.upload(as(ann), null, ref, "b.txt", null, bytes(10)).contentType())
                .isEqualTo("application/octet-stream");
        assertThat(attachments.upload(as(ann), null, ref, "c.txt", "text/plain; charset=utf-8", bytes(10)).contentType())
                .isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void onlyThoseInTheMeetingUpload() {
        User eve = world.person("eve");
        assertThatThrownBy(() -> upload(eve, 10))
                .isInstanceOf(NotFoundException.class).hasMessage("No such meeting, or it is not visible to you");
        Meeting ahead = world.meeting(host);
        assertThatThrownBy(() -> attachments.upload(as(host), null, ahead.id().toString(), "a.txt", "text/plain", bytes(10)))
                .isInstanceOf(ConflictException.class).hasMessage("Only someone in the meeting can do this");

        assertThat(blobs.held()).isEmpty();
        assertThat(chat.attachments()).isEmpty();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAndNothingOfItIsKept() {
        assertThatThrownBy(() -> upload(ann, 1001))
                .isInstanceOf(TooLargeException.class).hasMessage("Files are at most 1000 bytes");

        assertThat(blobs.held()).isEmpty();
        assertThat(chat.attachments()).isEmpty();
        assertThat(upload(ann, 1000).size()).isEqualTo(1000);
    }

    @Test
    void whatSomeoneUploadedAndHasNotSentIsLimitedUntilTheySendIt() {
        ChatMessageView.Attachment first = upload(ann, 1000);
        upload(ann, 1000);
        upload(ann, 500);

        assertThatThrownBy(() -> upload(ann, 600))
                .isInstanceOf(TooLargeException.class).hasMessage("Your attachments not yet sent in this meeting may take"
                        + " at most 3000 bytes together (2500 taken): send them with a message first; unsent ones are"
                        + " removed after PT1H");
        assertThat(blobs.limits()).endsWith(500L);
        assertThat(upload(ann, 500).size()).isEqualTo(500);
        assertThatThrownBy(() -> upload(ann, 1))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("(3000 taken)");
        assertThat(blobs.limits()).hasSize(5);
        assertThat(blobs.held()).hasSize(4);

        assertThat(upload(bob, 1000).size()).isEqualTo(1000);
        sendWith(ann, first, null);
        assertThat(upload(ann, 1000).size()).isEqualTo(1000);
    }

    @Test
    void allOfAMeetingsFilesAreLimitedTooSentOrNot() {
        attachments.bytesPerMeeting = 2500;
        sendWith(ann, upload(ann, 1000), null);
        sendWith(bob, upload(bob, 1000), null);

        assertThatThrownBy(() -> upload(cid, 600))
                .isInstanceOf(TooLargeException.class)
                .hasMessage("This meeting's attachments may take at most 2500 bytes together (2000 taken)");
        assertThat(upload(cid, 500).size()).isEqualTo(500);
        assertThatThrownBy(() -> upload(host, 1))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("(2500 taken)");
        assertThat(chat.attachments()).hasSize(3);
    }

    @Test
    void anUploadThatFinishedMeanwhileCountsAndTheBytesJustKeptAreRemovedAgain() {
        upload(ann, 1000);
        upload(ann, 1000);
        upload(ann, 500);
        blobs.whilePutting(() -> chat.add(new ChatAttachment(meeting.id(), idOf(ann), "other.bin", "application/pdf",
                200, "blob-elsewhere", world.clock.instant())));

        assertThatThrownBy(() -> upload(ann, 400))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("(2700 taken)");

        assertThat(blobs.deleted()).containsExactly("blob-4");
        assertThat(blobs.held()).doesNotContainKey("blob-4").hasSize(3);
        assertThat(chat.attachments()).extracting(ChatAttachment::size).containsExactly(1000L, 1000L, 500L, 200L);
    }

    @Test
    void theUploaderDownloadsAFileBeforeSendingItAndOthersOnlyOnceTheyMaySeeItsMessage() throws IOException {
        ChatMessageView.Attachment toAll = upload(ann, 30);
        ChatMessageView.Attachment toBob = upload(ann, 40);

        try (InputStream in = attachments.download(as(ann), null, ref, toAll.id()).content()) {
            assertThat(in.readAllBytes()).hasSize(30);
        }
        assertThatThrownBy(() -> attachments.download(as(bob), null, ref, toAll.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such attachment");

        sendWith(ann, toAll, null);
        sendWith(ann, toBob, idOf(bob));

        ChatAttachments.Download download = attachments.download(as(cid), null, ref, toAll.id());
        assertThat(download.file()).isEqualTo(toAll);
        try (InputStream in = download.content()) {
            assertThat(in.readAllBytes()).hasSize(30);
        }
        try (InputStream in = attachments.download(as(bob), null, ref, toBob.id()).content()) {
            assertThat(in.readAllBytes()).hasSize(40);
        }
        assertThatThrownBy(() -> attachments.download(as(cid), null, ref, toBob.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such attachment");
        assertThatThrownBy(() -> attachments.download(as(host), null, ref, toBob.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such attachment");
        assertThatThrownBy(() -> attachments.download(as(cid), null, ref, UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such attachment");
    }

    @Test
    void aFileOfAnotherMeetingIsNotDownloadedThroughThisOne() {
        Meeting elsewhere = world.live(host, ann);
        ChatMessageView.Attachment theirs = attachments.upload(as(ann), null, elsewhere.id().toString(), "a.txt",
                "text/plain", bytes(10));

        assertThatThrownBy(() -> attachments.download(as(ann), null, ref, theirs.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such attachment");
    }

    @Test
    void theSweepRemovesTheRowsOfFilesNeverSentOnceTheyAreOlderThanTheMaximumAgeAndNamesTheirBlobs() {
        ChatMessageView.Attachment forgotten = upload(ann, 100);
        sendWith(ann, upload(ann, 200), null);
        world.clock.advance(Duration.ofMinutes(30));
        ChatMessageView.Attachment recent = upload(bob, 300);
        String forgottenKey = chat.attachments().get(0).storageKey();

        world.clock.advance(Duration.ofMinutes(30));
        assertThat(attachments.removeUnsent().attachments()).isZero();

        world.clock.advance(Duration.ofSeconds(1));
        ChatAttachments.Swept swept = attachments.removeUnsent();

        assertThat(swept).isEqualTo(new ChatAttachments.Swept(1, 100, List.of(forgottenKey)));
        assertThat(chat.attachments()).extracting(ChatAttachment::id).doesNotContain(forgotten.id()).contains(recent.id())
                .hasSize(2);
        assertThat(blobs.held()).containsKey(forgottenKey);
        assertThat(attachments.removeUnsent().attachments()).isZero();
    }
}
