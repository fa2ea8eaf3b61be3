package io.convene.chat;

import io.convene.meeting.Attendees;
import io.convene.meeting.EventAudience;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingEventLog;
import io.convene.meeting.MeetingRepository;
import io.convene.meeting.MeetingService;
import io.convene.meeting.ParticipantActivity;
import io.convene.notification.NoticeKind;
import io.convene.notification.Notices;
import io.convene.meeting.Participation;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Meeting chat: group and private messages, reactions. Sending runs under the meeting's row lock,
 * stores the message and its channel event in one transaction; a resend with the same client id
 * answers the stored message and announces nothing.
 */
@Stateless
public class ChatService {

    @Inject
    io.convene.platform.ProductCounters counters;

    public static final int MAX_PAGE = 100;

    @Inject
    MeetingRepository meetings;

    @Inject
    Attendees attendees;

    @Inject
    ChatRepository chat;

    @Inject
    MeetingEventLog events;

    @Inject
    Clock clock;

    @Inject
    Notices notices;

    /** What a send did: the message, and whether it was already there (a resend). */
    public record Sent(ChatMessageView message, boolean duplicate) {
    }

    /** @param caller the signed-in sender, or null for a guest with {@code guestTicket} */
    public Sent send(Caller caller, String guestTicket, String reference, ChatSend send) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation from = attendees.of(meeting, caller, guestTicket);
        Optional<ChatMessage> earlier = chat.byClientId(meeting.id(), from.id(), send.clientMessageId());
        if (earlier.isPresent()) {
            return new Sent(view(earlier.get(), from.displayName(), counts(earlier.get())), true);
        }
        Participation to = send.to() == null ? null : meetings.participation(meeting, send.to())
                .orElseThrow(() -> new NotFoundException("No such participant in this meeting"));
        meeting.requireMayChat(from, to);
        ChatAttachment attachment = send.attachmentId() == null ? null : unsentAttachment(meeting, from, send.attachmentId());
        String text = send.text() == null ? "" : send.text().strip();
        if (text.isEmpty() && attachment == null) {
            throw new InvalidInputException("text", "a message needs text or an attachment");
        }
        UUID room = to == null && meeting.breakoutsOpen() ? from.roomId() : null;
        ChatMessage message = new ChatMessage(meeting.id(), from.id(), to == null ? null : to.id(), room,
                send.clientMessageId(), text, attachment, clock.instant());
        chat.add(message);
        from.counted(ParticipantActivity.Kind.CHAT_MESSAGE);
        notices.publish(NoticeKind.MENTIONED, meeting, mentioned(meeting, from, to, room, text));
        ChatMessageView view = view(message, from.displayName(), Map.of());
        if (to == null && room != null) {
            events.recordForRoom(meeting, "chat.message", json(view).add("room", room.toString()), room);
        } else if (to == null) {
            events.record(meeting, "chat.message", json(view), EventAudience.ALL, null);
        } else {
            events.record(meeting, "chat.message", json(view), EventAudience.PAIR, to, from);
        }
        counters.chatSent();
        return new Sent(view, false);
    }

    /** The messages before {@code before} (null: the newest) that the caller may see, oldest first. */
    public ChatPage messages(Caller caller, String guestTicket, String reference, Long before, int size) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = attendees.seeing(meeting, caller, guestTicket);
        List<ChatMessage> newestFirst = chat.visibleBefore(meeting.id(), me.id(), me.roomId(), me.isHostOrCoHost(),
                before == null ? Long.MAX_VALUE : before, size);
        Map<UUID, Map<String, Long>> reactions = chat.reactions(newestFirst.stream().map(ChatMessage::id).toList());
        List<ChatMessageView> items = new ArrayList<>();
        for (ChatMessage m : newestFirst) {
            String fromName = meeting.participation(m.senderId()).map(Participation::displayName).orElse(null);
            items.add(view(m, fromName, reactions.getOrDefault(m.id(), Map.of())));
        }
        Collections.reverse(items);
        Long next = newestFirst.size() == size ? newestFirst.get(newestFirst.size() - 1).position() : null;
        return new ChatPage(items, next);
    }

    /** Adds ({@code on}) or takes back an emoji reaction; answers the message's reaction counts. */
    public Map<String, Long> react(Caller caller, String guestTicket, String reference, UUID messageId, String emoji,
                                   boolean on) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = attendees.of(meeting, caller, guestTicket);
        meeting.requireMayChat(me, null);
        ChatMessage message = chat.message(meeting.id(), messageId)
                .filter(m -> m.isVisibleTo(me.id(), me.roomId(), me.isHostOrCoHost()))
                .orElseThrow(() -> new NotFoundException("No such message"));
        if (chat.react(message.id(), me.id(), emoji, on, clock.instant())) {
            if (on) {
                me.counted(ParticipantActivity.Kind.REACTION);
            }
            JsonObjectBuilder payload = Jsons.createObjectBuilder().add("messageId", message.id().toString())
                    .add("emoji", emoji).add("participationId", me.id().toString()).add("on", on);
            if (message.isPrivate()) {
                Participation sender = meeting.participation(message.senderId()).orElseThrow();
                Participation recipient = meeting.participation(message.recipientId()).orElseThrow();
                events.record(meeting, "chat.reaction", payload, EventAudience.PAIR, recipient, sender);
            } else if (message.roomId() != null) {
                events.recordForRoom(meeting, "chat.reaction", payload, message.roomId());
            } else {
                events.record(meeting, "chat.reaction", payload, EventAudience.ALL, null);
            }
        }
        return counts(message);
    }

    /**
     * Who an "@Name" in the text names among those who can read the message (not the sender): for a
     * private message only its recipient, in a breakout room those in it, else everyone admitted.
     */
    static List<Participation> mentioned(Meeting meeting, Participation from, Participation to, UUID room, String text) {
        if (!text.contains("@")) {
            return List.of();
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return meeting.participations().stream()
                .filter(p -> p != from && p.admittedAt() != null && p.displayName() != null)
                .filter(p -> to == null ? room == null || room.equals(p.roomId()) || p.isHostOrCoHost() : p == to)
                .filter(p -> lower.contains("@" + p.displayName().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    private ChatAttachment unsentAttachment(Meeting meeting, Participation from, UUID attachmentId) {
        ChatAttachment attachment = chat.attachmentToSend(meeting.id(), attachmentId)
                .filter(a -> a.uploaderId().equals(from.id()))
                .orElseThrow(() -> new NotFoundException("No such attachment of yours in this meeting"));
        if (chat.messageWith(attachment).isPresent()) {
            throw new ConflictException("This attachment was already sent");
        }
        return attachment;
    }

    private Map<String, Long> counts(ChatMessage message) {
        return chat.reactions(List.of(message.id())).getOrDefault(message.id(), Map.of());
    }

    private static ChatMessageView view(ChatMessage m, String fromName, Map<String, Long> reactions) {
        return new ChatMessageView(m.id(), m.position(), m.senderId(), fromName, m.recipientId(), m.content(),
                ChatMessageView.Attachment.of(m.attachment()), m.sentAt(), reactions);
    }

    private static JsonObjectBuilder json(ChatMessageView v) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("messageId", v.id().toString())
                .add("position", v.position()).add("from", v.from().toString()).add("fromName", v.fromName())
                .add("text", v.text()).add("sentAt", v.sentAt().toString());
        if (v.to() != null) {
            b.add("to", v.to().toString());
        }
        if (v.attachment() != null) {
            b.add("attachment", Jsons.createObjectBuilder().add("id", v.attachment().id().toString())
                    .add("fileName", v.attachment().fileName()).add("contentType", v.attachment().contentType())
                    .add("size", v.attachment().size()));
        }
        return b;
    }
}
