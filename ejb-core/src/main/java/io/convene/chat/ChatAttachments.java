package io.convene.chat;

import io.convene.meeting.Attendees;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingRepository;
import io.convene.meeting.MeetingService;
import io.convene.meeting.Participation;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.storage.BlobStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Files for the chat: uploaded by someone in the meeting (size-limited, content type recorded),
 * then sent with a message. Only those who may see that message download it; until it is sent,
 * only the uploader.
 */
@Stateless
public class ChatAttachments {

    private static final Logger LOG = Logger.getLogger(ChatAttachments.class.getName());

    @Inject
    MeetingRepository meetings;

    @Inject
    Attendees attendees;

    @Inject
    ChatRepository chat;

    @Inject
    BlobStore blobs;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "convene.chat.max-attachment-bytes", defaultValue = "10485760")
    long maxBytes;

    /** A download: what the file is, and its bytes (the caller closes the stream). */
    public record Download(ChatMessageView.Attachment file, InputStream content) {
    }

    public ChatMessageView.Attachment upload(Caller caller, String guestTicket, String reference, String fileName,
                                             String contentType, InputStream content) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        Participation uploader = attendees.of(meeting, caller, guestTicket);
        meeting.requireMayChat(uploader, null);
        String name = cleanFileName(fileName);
        BlobStore.Stored stored = blobs.put(content, maxBytes);
        ChatAttachment attachment = new ChatAttachment(meeting.id(), uploader.id(), name, cleanContentType(contentType),
                stored.size(), stored.key(), clock.instant());
        chat.add(attachment);
        LOG.info(() -> "Participation " + uploader.id() + " uploaded attachment " + attachment.id() + " ("
                + stored.size() + " bytes) to meeting " + meeting.id());
        return ChatMessageView.Attachment.of(attachment);
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
