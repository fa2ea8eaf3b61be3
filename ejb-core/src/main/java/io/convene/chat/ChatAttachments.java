package io.convene.chat;

import io.convene.meeting.Attendees;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingRepository;
import io.convene.meeting.MeetingService;
import io.convene.meeting.Participation;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.shared.TooLargeException;
import io.convene.storage.BlobStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Files for the chat: uploaded by someone in the meeting (size-limited, content type recorded),
 * then sent with a message. Only those who may see that message download it; until it is sent,
 * only the uploader. What is uploaded and not sent is limited per participant and meeting
 * ({@code convene.chat.unsent-attachment-bytes-per-participant}, three files' worth by default),
 * all of a meeting's files too ({@code convene.chat.attachment-bytes-per-meeting}), and removed
 * after {@code convene.chat.unsent-attachment-max-age} ({@link ChatAttachmentSweep}).
 */
@Stateless
public class ChatAttachments {

    private static final Logger LOG = Logger.getLogger(ChatAttachments.class.getName());
    private static final int SWEEP_BATCH = 500;

    @Inject
    MeetingRepository meetings;

    @Inject
    Attendees attendees;

    @Inject
    ChatRepository chat;

    @jakarta.ejb.EJB
    BlobStore blobs;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "convene.chat.max-attachment-bytes", defaultValue = "10485760")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "convene.chat.unsent-attachment-bytes-per-participant")
    Optional<Long> unsentBytesPerParticipant;

    @Inject
    @ConfigProperty(name = "convene.chat.attachment-bytes-per-meeting", defaultValue = "1073741824")
    long bytesPerMeeting;

    @Inject
    @ConfigProperty(name = "convene.chat.unsent-attachment-max-age", defaultValue = "PT1H")
    Duration unsentMaxAge;

    /** A download: what the file is, and its bytes (the caller closes the stream). */
    public record Download(ChatMessageView.Attachment file, InputStream content) {
    }

    /** What a sweep removed. */
    public record Swept(int attachments, long bytes, List<String> storageKeys) {
    }

    /**
     * Takes a file in, within the size limit and the quotas: a file that would go past one is refused
     * (413) before its bytes are kept, and checked once more against what arrived meanwhile.
     */
    public ChatMessageView.Attachment upload(Caller caller, String guestTicket, String reference, String fileName,
                                             String contentType, InputStream content) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        Participation uploader = attendees.of(meeting, caller, guestTicket);
        meeting.requireMayChat(uploader, null);
        String name = cleanFileName(fileName);
        Quota quota = new Quota(chat.attachmentBytes(meeting.id(), uploader.id()));
        quota.check(0);
        BlobStore.Stored stored;
        try {
            stored = blobs.put(content, Math.min(maxBytes, quota.room()));
        } catch (TooLargeException e) {
            throw quota.room() < maxBytes ? quota.refusal() : e;
        }
        chat.lockMeeting(meeting.id()); // uploads that finished meanwhile count too
        try {
            new Quota(chat.attachmentBytes(meeting.id(), uploader.id())).check(stored.size());
        } catch (TooLargeException e) {
            blobs.delete(stored.key());
            throw e;
        }
        ChatAttachment attachment = new ChatAttachment(meeting.id(), uploader.id(), name, cleanContentType(contentType),
                stored.size(), stored.key(), clock.instant());
        chat.add(attachment);
        LOG.info(() -> "Participation " + uploader.id() + " uploaded attachment " + attachment.id() + " ("
                + stored.size() + " bytes) to meeting " + meeting.id());
        return ChatMessageView.Attachment.of(attachment);
    }

    /**
     * Deletes the rows of attachments uploaded longer ago than the maximum age and never sent (a
     * batch at a time); the caller deletes their bytes once this transaction has committed.
     */
    public Swept removeUnsent() {
        List<ChatRepository.Removed> removed = chat.deleteUnsentBefore(clock.instant().minus(unsentMaxAge), SWEEP_BATCH);
        return new Swept(removed.size(), removed.stream().mapToLong(ChatRepository.Removed::size).sum(),
                removed.stream().map(ChatRepository.Removed::storageKey).toList());
    }

    public Duration unsentMaxAge() {
        return unsentMaxAge;
    }

    /** The room one upload has left under both quotas, given what is already there. */
    private final class Quota {
        private final long perParticipant = unsentBytesPerParticipant.orElse(3 * maxBytes);
        private final ChatRepository.AttachmentBytes used;

        Quota(ChatRepository.AttachmentBytes used) {
            this.used = used;
        }

        long room() {
            return Math.max(0, Math.min(perParticipant - used.unsentByUploader(), bytesPerMeeting - used.inMeeting()));
        }

        /** Refuses when {@code size} more bytes would go past a quota (or one is full already). */
        void check(long size) {
            if (used.unsentByUploader() + size > perParticipant || used.unsentByUploader() >= perParticipant
                    || used.inMeeting() + size > bytesPerMeeting || used.inMeeting() >= bytesPerMeeting) {
                throw refusal();
            }
        }

        TooLargeException refusal() {
            if (perParticipant - used.unsentByUploader() <= bytesPerMeeting - used.inMeeting()) {
                return new TooLargeException("Your attachments not yet sent in this meeting may take at most "
                        + perParticipant + " bytes together (" + used.unsentByUploader() + " taken): send them with a"
                        + " message first; unsent ones are removed after " + unsentMaxAge);
            }
            return new TooLargeException("This meeting's attachments may take at most " + bytesPerMeeting
                    + " bytes together (" + used.inMeeting() + " taken)");
        }
    }

    public Download download(Caller caller, String guestTicket, String reference, UUID attachmentId) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = attendees.of(meeting, caller, guestTicket);
        ChatAttachment attachment = chat.attachment(meeting.id(), attachmentId)
                .orElseThrow(() -> new NotFoundException("No such attachment"));
        Optional<ChatMessage> sentWith = chat.messageWith(attachment);
        boolean allowed = attachment.uploaderId().equals(me.id())
                || sentWith.map(m -> m.isVisibleTo(me.id(), me.roomId(), me.isHostOrCoHost())
                        && me.maySeeMeeting()).orElse(false);
        if (!allowed) {
            throw new NotFoundException("No such attachment");
        }
        return new Download(ChatMessageView.Attachment.of(attachment), blobs.open(attachment.storageKey()));
    }

    static String cleanFileName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\p{Cntrl}/\\\\]", "_").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new InvalidInputException("fileName", "send the file name in the X-File-Name header");
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    static String cleanContentType(String contentType) {
        return contentType != null && contentType.matches("[\\w.+-]+/[\\w.+-]+(;.*)?") && contentType.length() <= 255
                ? contentType : "application/octet-stream";
    }
}
