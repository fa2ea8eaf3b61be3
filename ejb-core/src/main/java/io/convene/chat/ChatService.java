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
import io.convene.shared.DomainException;
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
 * answers the stored message and announces nothing. Messages sent on channel sockets are stored
 * many to a transaction ({@link #sendFromChannel}).
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

    /** One message sent on a participant's channel socket. */
    public record ChannelSend(UUID participationId, ChatSend send) {
    }

    /** What became of one {@link ChannelSend}: sent (or found sent before), or refused, and why. */
    public record ChannelOutcome(Sent sent, DomainException refused) {
    }

    /** @param caller the signed-in sender, or null for a guest with {@code guestTicket} */
    public Sent send(Caller caller, String guestTicket, String reference, ChatSend send) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        ChannelOutcome outcome = sendAll(meeting, List.of(new Sending(attendees.of(meeting, caller, guestTicket), null, send)))
                .get(0);
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        return outcome.sent();
    }

    /**
     * Sends what several channel sockets of one meeting sent, in their order, in one transaction:
     * the meeting is locked and committed once for all of them (group commit). Each message is judged
     * on its own: one refused (its sender removed meanwhile, private chat turned off, no text) writes
     * nothing and the others go on; every refusal comes before anything is written.
     */
    public List<ChannelOutcome> sendFromChannel(UUID meetingId, List<ChannelSend> sends) {
        Meeting meeting = meetings.lockedByReference(meetingId.toString()).orElseThrow(MeetingService::notFound);
        List<Sending> sendings = new ArrayList<>(sends.size());
        for (ChannelSend s : sends) {
            try {
                sendings.add(new Sending(attendees.onChannel(meeting, s.participationId()), null, s.send()));
            } catch (DomainException refused) {
                sendings.add(new Sending(null, refused, s.send()));
            }
        }
        return sendAll(meeting, sendings);
    }

    /** A message to send, from whom, or why its sender may not. */
    private record Sending(Participation from, DomainException refused, ChatSend send) {
    }

    /** A message let through, to be stored with the others and then announced. */
    private record Accepted(Participation from, Participation to, UUID room, ChatMessage message) {
    }

    /**
     * Judges each message, stores those let through together (one flush: their positions) and then
     * announces each, in order. A resend, of a message stored before or earlier in the same batch,
     * answers that message and announces nothing.
     */
    private List<ChannelOutcome> sendAll(Meeting meeting, List<Sending> sendings) {
        List<Object> judged = new ArrayList<>(sendings.size()); // per sending: Accepted, its repeat, a Sent, or a refusal
        Map<String, Accepted> accepted = new java.util.LinkedHashMap<>();
        for (Sending s : sendings) {
            try {
                if (s.refused() != null) {
                    throw s.refused();
                }
                String key = s.from().id() + " " + s.send().clientMessageId();
                Accepted same = accepted.get(key);
                if (same != null) {
                    judged.add(new Repeat(same));
                    continue;
                }
                Optional<ChatMessage> earlier = chat.byClientId(meeting.id(), s.from().id(), s.send().clientMessageId());
                if (earlier.isPresent()) {
                    judged.add(new Sent(view(earlier.get(), s.from().displayName(), counts(earlier.get())), true));
                } else {
                    Accepted a = accept(meeting, s.from(), s.send(), accepted.values());
                    accepted.put(key, a);
                    judged.add(a);
                }
            } catch (DomainException refused) {
                judged.add(refused);
            }
        }
        chat.add(accepted.values().stream().map(Accepted::message).toList());
        Map<Accepted, Sent> announced = new java.util.IdentityHashMap<>();
        for (Accepted a : accepted.values()) {
            announced.put(a, announce(meeting, a));
        }
        return judged.stream().map(j -> j instanceof Accepted a ? new ChannelOutcome(announced.get(a), null)
                : j instanceof Repeat r ? new ChannelOutcome(new Sent(announced.get(r.of()).message(), true), null)
                : j instanceof Sent earlier ? new ChannelOutcome(earlier, null)
                : new ChannelOutcome(null, (DomainException) j)).toList();
    }

    /** The same client id again within one batch. */
    private record Repeat(Accepted of) {
    }

    private Accepted accept(Meeting meeting, Participation from, ChatSend send, java.util.Collection<Accepted> before) {
        Participation to = send.to() == null ? null : meetings.participation(meeting, send.to())
                .orElseThrow(() -> new NotFoundException("No such participant in this meeting"));
        meeting.requireMayChat(from, to);
        ChatAttachment attachment = send.attachmentId() == null ? null : unsentAttachment(meeting, from, send.attachmentId());
        if (attachment != null && before.stream().anyMatch(a -> a.message().attachment() == attachment)) {
            throw new ConflictException("This attachment was already sent");
        }
        String text = send.text() == null ? "" : send.text().strip();
        if (text.isEmpty() && attachment == null) {
            throw new InvalidInputException("text", "a message needs text or an attachment");
        }
        UUID room = to == null && meeting.breakoutsOpen() ? from.roomId() : null;
        return new Accepted(from, to, room, new ChatMessage(meeting.id(), from.id(), to == null ? null : to.id(), room,
                send.clientMessageId(), text, attachment, clock.instant()));
    }

    /** A stored message: counted, its mentions told, its event recorded. */
    private Sent announce(Meeting meeting, Accepted a) {
        a.from().counted(ParticipantActivity.Kind.CHAT_MESSAGE);
        notices.publish(NoticeKind.MENTIONED, meeting, mentioned(meeting, a.from(), a.to(), a.room(), a.message().content()));
        ChatMessageView view = view(a.message(), a.from().displayName(), Map.of());
        if (a.to() == null && a.room() != null) {
            events.recordForRoom(meeting, "chat.message", json(view).add("room", a.room().toString()), a.room());
        } else if (a.to() == null) {
            events.record(meeting, "chat.message", json(view), EventAudience.ALL, null);
        } else {
            events.record(meeting, "chat.message", json(view), EventAudience.PAIR, a.to(), a.from());
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
