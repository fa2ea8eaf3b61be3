package io.convene.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.Cast;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingEvent;
import io.convene.meeting.MeetingWorld;
import io.convene.meeting.Participation;
import io.convene.notification.Notice;
import io.convene.notification.NoticeKind;
import io.convene.notification.Notices;
import io.convene.notification.RecordingBroker;
import io.convene.platform.CountingMetrics;
import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.user.User;
import jakarta.jms.DeliveryMode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The chat's use cases against its repository in memory: who may post and to whom, what is stored
 * and announced to whom, resends, the history's pages, mentions and reactions.
 */
class ChatServiceTest {

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryChat chat = new InMemoryChat();
    private final CountingMetrics metrics = new CountingMetrics();
    private final RecordingBroker broker = new RecordingBroker();

    private final Cast cast = world.cast();
    private final User host = cast.host(), ann = cast.ann(), bob = cast.bob(), cid = cast.cid();
    private final Meeting meeting = cast.meeting();
    private final String ref = cast.ref();
    private final ChatService service = ChatServices.of(world, chat, broker.notices(world.clock), metrics.productCounters());

    private static Caller as(User user) {
        return MeetingWorld.callerOf(user);
    }

    private UUID idOf(User user) {
        return world.of(meeting, user).id();
    }

    private ChatService.Sent send(User from, String clientId, String text) {
        return service.send(as(from), null, ref, new ChatSend(clientId, text, null, null));
    }

    private ChatService.Sent sendPrivately(User from, User to, String clientId, String text) {
        return service.send(as(from), null, ref, new ChatSend(clientId, text, idOf(to), null));
    }

    private List<String> textsSeenBy(User user) {
        return service.messages(as(user), null, ref, null, 50).items().stream().map(ChatMessageView::text).toList();
    }

    private long eventsOf(String type) {
        return world.events.typesOf(meeting.id()).stream().filter(type::equals).count();
    }

    @Test
    void aMessageToEveryoneIsStoredTrimmedAnnouncedToAllAndCounted() {
        ChatService.Sent sent = send(ann, "c-1", "  Hello all  ");

        assertThat(sent.duplicate()).isFalse();
        ChatMessageView view = sent.message();
        assertThat(view.text()).isEqualTo("Hello all");
        assertThat(view.from()).isEqualTo(idOf(ann));
        assertThat(view.fromName()).isEqualTo("ann");
        assertThat(view.to()).isNull();
        assertThat(view.position()).isOne();
        assertThat(view.sentAt()).isEqualTo(MeetingWorld.NOW);
        assertThat(chat.messages()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(view.id());
            assertThat(m.meetingId()).isEqualTo(meeting.id());
            assertThat(m.isPrivate()).isFalse();
            assertThat(m.roomId()).isNull();
        });
        MeetingEvent event = world.events.last(meeting.id(), "chat.message");
        assertThat(event.payload()).contains("\"messageId\":\"" + view.id() + "\"", "\"position\":1",
                "\"from\":\"" + idOf(ann) + "\"", "\"fromName\":\"ann\"", "\"text\":\"Hello all\"");
        assertThat(event.payload()).doesNotContain("\"to\"");
        assertThat(event.isVisibleTo(idOf(cid), false, null)).isTrue();
        assertThat(world.of(meeting, ann).activity().chatMessages()).isOne();
        assertThat(metrics.count("convene.chat.messages")).isOne();
        assertThat(broker.sent()).isEmpty();
    }

    @Test
    void aResendWithTheSameClientIdAnswersTheStoredMessageAndAnnouncesAndCountsNothing() {
        ChatService.Sent first = send(ann, "c-1", "Hello");

        ChatService.Sent again = send(ann, "c-1", "Hello, edited");

        assertThat(again.duplicate()).isTrue();
        assertThat(again.message().id()).isEqualTo(first.message().id());
        assertThat(again.message().text()).isEqualTo("Hello");
        assertThat(chat.messages()).hasSize(1);
        assertThat(eventsOf("chat.message")).isOne();
        assertThat(world.of(meeting, ann).activity().chatMessages()).isOne();
        assertThat(metrics.count("convene.chat.messages")).isOne();

        ChatService.Sent bobs = send(bob, "c-1", "Hello too");
        assertThat(bobs.duplicate()).isFalse();
        assertThat(chat.messages()).hasSize(2);
    }

    @Test
    void aPrivateMessageReachesOnlyItsTwoEndsNotEvenTheHost() {
        ChatMessageView sent = sendPrivately(ann, bob, "p-1", "Just between us").message();

        assertThat(sent.to()).isEqualTo(idOf(bob));
        MeetingEvent event = world.events.last(meeting.id(), "chat.message");
        assertThat(event.payload()).contains("\"to\":\"" + idOf(bob) + "\"");
        assertThat(event.isVisibleTo(idOf(ann), false, null)).isTrue();
        assertThat(event.isVisibleTo(idOf(bob), false, null)).isTrue();
        assertThat(event.isVisibleTo(idOf(cid), false, null)).isFalse();
        assertThat(event.isVisibleTo(idOf(host), true, null)).isFalse();
        assertThat(textsSeenBy(ann)).containsExactly("Just between us");
        assertThat(textsSeenBy(bob)).containsExactly("Just between us");
        assertThat(textsSeenBy(cid)).isEmpty();
        assertThat(textsSeenBy(host)).isEmpty();
    }

    @Test
    void privateMessagesGoToSomeoneElseInTheMeeting() {
        assertThatThrownBy(() -> sendPrivately(ann, ann, "p-1", "Note to self"))
                .isInstanceOf(ConflictException.class).hasMessage("Private messages go to someone else in the meeting");
        assertThatThrownBy(() -> service.send(as(ann), null, ref, new ChatSend("p-2", "Hi", UUID.randomUUID(), null)))
                .isInstanceOf(NotFoundException.class).hasMessage("No such participant in this meeting");
        Meeting elsewhere = world.live(host, bob);
        UUID bobElsewhere = world.of(elsewhere, bob).id();
        assertThatThrownBy(() -> service.send(as(ann), null, ref, new ChatSend("p-3", "Hi", bobElsewhere, null)))
                .isInstanceOf(NotFoundException.class).hasMessage("No such participant in this meeting");

        assertThat(chat.messages()).isEmpty();
        assertThat(world.events.typesOf(meeting.id())).isEmpty();
        assertThat(metrics.count("convene.chat.messages")).isZero();
    }

    @Test
    void aMessageNeedsTextOrAnAttachment() {
        assertThatThrownBy(() -> send(ann, "c-1", " \n\t "))
                .isInstanceOf(InvalidInputException.class).hasMessage("text: a message needs text or an attachment");
        assertThatThrownBy(() -> send(ann, "c-2", null))
                .isInstanceOf(InvalidInputException.class).hasMessage("text: a message needs text or an attachment");

        assertThat(chat.messages()).isEmpty();
        assertThat(world.events.typesOf(meeting.id())).isEmpty();
        assertThat(world.of(meeting, ann).activity().chatMessages()).isZero();
    }

    @Test
    void messagesFromChannelSocketsAreStoredTogetherEachJudgedOnItsOwn() {
        bob.deactivate(); // after his socket opened
        List<ChatService.ChannelOutcome> outcomes = service.sendFromChannel(meeting.id(), List.of(
                new ChatService.ChannelSend(idOf(ann), new ChatSend("s-1", " one ", null, null)),
                new ChatService.ChannelSend(UUID.randomUUID(), new ChatSend("s-2", "from nowhere", null, null)),
                new ChatService.ChannelSend(idOf(bob), new ChatSend("s-3", "from a deactivated account", null, null)),
                new ChatService.ChannelSend(idOf(cid), new ChatSend("s-4", " ", null, null)),
                new ChatService.ChannelSend(idOf(ann), new ChatSend("s-1", "one again", null, null)),
                new ChatService.ChannelSend(idOf(cid), new ChatSend("s-5", "two", idOf(ann), null))));

        assertThat(outcomes).extracting(o -> o.refused() == null ? null : o.refused().getMessage()).containsExactly(
                null, "You are not in this meeting", "This account is deactivated; ask an administrator",
                "text: a message needs text or an attachment", null, null);
        assertThat(outcomes.get(4).sent().duplicate()).as("the same client id again").isTrue();
        assertThat(outcomes.get(4).sent().message().id()).isEqualTo(outcomes.get(0).sent().message().id());
        assertThat(chat.messages()).extracting(ChatMessage::content).containsExactly("one", "two");
        assertThat(outcomes.get(5).sent().message().position()).isGreaterThan(outcomes.get(0).sent().message().position());
        assertThat(world.events.typesOf(meeting.id())).containsExactly("chat.message", "chat.message");
        assertThat(world.of(meeting, ann).activity().chatMessages()).isOne();
    }

    @Test
    void onlyThoseInTheMeetingPostOrReadTheChat() {
        User eve = world.person("eve");
        assertThatThrownBy(() -> send(eve, "c-1", "Let me in"))
                .isInstanceOf(NotFoundException.class).hasMessage("No such meeting, or it is not visible to you");
        assertThatThrownBy(() -> service.messages(as(eve), null, ref, null, 10))
                .isInstanceOf(NotFoundException.class).hasMessage("No such meeting, or it is not visible to you");
        assertThatThrownBy(() -> service.send(null, null, ref, new ChatSend("c-1", "Anyone?", null, null)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage("Sign in, or present a guest ticket");
        assertThatThrownBy(() -> service.send(as(ann), null, UUID.randomUUID().toString(), new ChatSend("c-1", "Hi", null, null)))
                .isInstanceOf(NotFoundException.class).hasMessage("No such meeting, or it is not visible to you");

        Meeting ahead = world.meeting(host);
        assertThatThrownBy(() -> service.send(as(host), null, ahead.id().toString(), new ChatSend("c-1", "Early", null, null)))
                .isInstanceOf(ConflictException.class).hasMessage("Only someone in the meeting can do this");

        assertThat(chat.messages()).isEmpty();
    }

    @Test
    void theHistoryComesInPagesOldestFirstEachNamingWhereTheNextBegins() {
        send(ann, "1", "one");
        send(bob, "2", "two");
        sendPrivately(ann, bob, "p", "private");
        send(ann, "3", "three");
        send(bob, "4", "four");
        send(ann, "5", "five");

        ChatPage newest = service.messages(as(cid), null, ref, null, 2);
        assertThat(newest.items()).extracting(ChatMessageView::text).containsExactly("four", "five");
        assertThat(newest.items()).extracting(ChatMessageView::fromName).containsExactly("bob", "ann");
        assertThat(newest.before()).isEqualTo(newest.items().get(0).position());

        ChatPage older = service.messages(as(cid), null, ref, newest.before(), 2);
        assertThat(older.items()).extracting(ChatMessageView::text).containsExactly("two", "three");

        ChatPage oldest = service.messages(as(cid), null, ref, older.before(), 2);
        assertThat(oldest.items()).extracting(ChatMessageView::text).containsExactly("one");
        assertThat(oldest.before()).isNull();

        assertThat(textsSeenBy(bob)).containsExactly("one", "two", "private", "three", "four", "five");
    }

    @Test
    void inOpenBreakoutRoomsAGroupMessageStaysInItsRoomAndTheHostsSeeEveryRoom() {
        send(host, "h-1", "Off you go");
        UUID room1 = UUID.randomUUID();
        UUID room2 = UUID.randomUUID();
        meeting.assign(world.of(meeting, ann), room1);
        meeting.assign(world.of(meeting, cid), room1);
        meeting.assign(world.of(meeting, bob), room2);
        meeting.openBreakouts(world.clock.instant(), null);

        send(ann, "a-1", "Room one here");

        assertThat(chat.messages().get(1).roomId()).isEqualTo(room1);
        MeetingEvent event = world.events.last(meeting.id(), "chat.message");
        assertThat(event.payload()).contains("\"room\":\"" + room1 + "\"", "\"text\":\"Room one here\"");
        assertThat(event.isVisibleTo(idOf(cid), false, room1)).isTrue();
        assertThat(event.isVisibleTo(idOf(bob), false, room2)).isFalse();
        assertThat(event.isVisibleTo(idOf(host), true, null)).isTrue();
        assertThat(textsSeenBy(cid)).containsExactly("Off you go", "Room one here");
        assertThat(textsSeenBy(bob)).containsExactly("Off you go");
        assertThat(textsSeenBy(host)).containsExactly("Off you go", "Room one here");
    }

    @Test
    void mentioningSomeoneByNameNotifiesThoseWhoCanReadTheMessageButNeverTheSender() {
        send(ann, "c-1", "Thanks @Bob and @CID!");
        send(ann, "c-2", "@ann talks to herself");
        sendPrivately(ann, bob, "c-3", "@cid must not know, @bob");
        send(ann, "c-4", "No one named @here");

        assertThat(broker.sent()).hasSize(2).allSatisfy(s -> {
            assertThat(s.queue()).isEqualTo(Notices.QUEUE);
            assertThat(s.deliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        });
        List<Notice> notices = broker.noticesSent();
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKind.MENTIONED);
            assertThat(n.meetingId()).isEqualTo(meeting.id());
            assertThat(n.at()).isEqualTo(MeetingWorld.NOW);
        });
        assertThat(notices.get(0).participationIds()).containsExactlyInAnyOrder(idOf(bob), idOf(cid));
        assertThat(notices.get(1).participationIds()).containsExactly(idOf(bob));
    }

    @Test
    void inABreakoutRoomAMentionReachesThoseInTheRoomAndTheHostsOnly() {
        UUID room1 = UUID.randomUUID();
        meeting.assign(world.of(meeting, ann), room1);
        meeting.assign(world.of(meeting, bob), UUID.randomUUID());
        meeting.openBreakouts(world.clock.instant(), null);

        send(ann, "c-1", "@bob and @host, come over");

        assertThat(broker.noticesSent()).singleElement()
                .satisfies(n -> assertThat(n.participationIds()).containsExactly(idOf(host)));
    }

    @Test
    void aReactionCountsOncePerPersonAndEmojiAndIsAnnouncedOnlyWhenItChanges() {
        UUID message = send(ann, "c-1", "Lunch at noon").message().id();

        assertThat(service.react(as(bob), null, ref, message, "thumbsup", true)).isEqualTo(Map.of("thumbsup", 1L));
        assertThat(world.events.last(meeting.id(), "chat.reaction").payload()).contains("\"messageId\":\"" + message + "\"",
                "\"emoji\":\"thumbsup\"", "\"participationId\":\"" + idOf(bob) + "\"", "\"on\":true");
        assertThat(service.react(as(bob), null, ref, message, "thumbsup", true)).isEqualTo(Map.of("thumbsup", 1L));
        assertThat(eventsOf("chat.reaction")).isOne();

        service.react(as(host), null, ref, message, "thumbsup", true);
        assertThat(service.react(as(cid), null, ref, message, "heart", true))
                .isEqualTo(Map.of("thumbsup", 2L, "heart", 1L));
        assertThat(service.react(as(bob), null, ref, message, "thumbsup", false))
                .isEqualTo(Map.of("thumbsup", 1L, "heart", 1L));
        assertThat(world.events.last(meeting.id(), "chat.reaction").payload()).contains("\"on\":false");
        assertThat(eventsOf("chat.reaction")).isEqualTo(4);
        service.react(as(bob), null, ref, message, "thumbsup", false);
        assertThat(eventsOf("chat.reaction")).isEqualTo(4);

        assertThat(world.of(meeting, bob).activity().reactions()).isOne();
        assertThat(service.messages(as(ann), null, ref, null, 10).items()).singleElement()
                .satisfies(m -> assertThat(m.reactions()).isEqualTo(Map.of("thumbsup", 1L, "heart", 1L)));
    }

    @Test
    void onlyThePrivateMessagesTwoEndsReactToItAndHearOfIt() {
        UUID message = sendPrivately(ann, bob, "p-1", "Psst").message().id();

        assertThatThrownBy(() -> service.react(as(cid), null, ref, message, "eyes", true))
                .isInstanceOf(NotFoundException.class).hasMessage("No such message");
        assertThatThrownBy(() -> service.react(as(host), null, ref, message, "eyes", true))
                .isInstanceOf(NotFoundException.class).hasMessage("No such message");
        assertThat(eventsOf("chat.reaction")).isZero();

        service.react(as(bob), null, ref, message, "eyes", true);

        MeetingEvent event = world.events.last(meeting.id(), "chat.reaction");
        assertThat(event.isVisibleTo(idOf(ann), false, null)).isTrue();
        assertThat(event.isVisibleTo(idOf(bob), false, null)).isTrue();
        assertThat(event.isVisibleTo(idOf(cid), false, null)).isFalse();
        assertThat(chat.reactions(List.of(message))).isEqualTo(Map.of(message, Map.of("eyes", 1L)));
    }

    @Test
    void anAttachmentIsSentOnceAndOnlyByWhoeverUploadedIt() {
        ChatAttachment bobs = new ChatAttachment(meeting.id(), idOf(bob), "notes.txt", "text/plain", 12, "blob-1",
                world.clock.instant());
        chat.add(bobs);

        assertThatThrownBy(() -> service.send(as(ann), null, ref, new ChatSend("a-1", "Look", null, bobs.id())))
                .isInstanceOf(NotFoundException.class).hasMessage("No such attachment of yours in this meeting");

        ChatMessageView sent = service.send(as(bob), null, ref, new ChatSend("b-1", null, null, bobs.id())).message();

        assertThat(sent.text()).isEmpty();
        assertThat(sent.attachment()).isEqualTo(new ChatMessageView.Attachment(bobs.id(), "notes.txt", "text/plain", 12));
        assertThat(world.events.last(meeting.id(), "chat.message").payload()).contains("\"text\":\"\"",
                "\"attachment\":{\"id\":\"" + bobs.id() + "\",\"fileName\":\"notes.txt\",\"contentType\":\"text/plain\",\"size\":12}");
        assertThatThrownBy(() -> service.send(as(bob), null, ref, new ChatSend("b-2", "Again", null, bobs.id())))
                .isInstanceOf(ConflictException.class).hasMessage("This attachment was already sent");
        assertThat(chat.messages()).hasSize(1);
    }

    @Test
    void oneAttachmentInTwoMessagesOfOneBatchGoesWithTheFirst() {
        ChatAttachment bobs = new ChatAttachment(meeting.id(), idOf(bob), "notes.txt", "text/plain", 12, "blob-1",
                world.clock.instant());
        chat.add(bobs);

        List<ChatService.ChannelOutcome> outcomes = service.sendFromChannel(meeting.id(), List.of(
                new ChatService.ChannelSend(idOf(bob), new ChatSend("b-1", "first", null, bobs.id())),
                new ChatService.ChannelSend(idOf(bob), new ChatSend("b-2", "second", null, bobs.id()))));

        assertThat(outcomes.get(0).sent().message().attachment().id()).isEqualTo(bobs.id());
        assertThat(outcomes.get(1).refused()).isInstanceOf(ConflictException.class)
                .hasMessage("This attachment was already sent");
        assertThat(chat.messages()).extracting(ChatMessage::content).containsExactly("first");
    }

    @Test
    void anAttachmentOfAnotherMeetingIsNotFoundHere() {
        Meeting elsewhere = world.live(host, bob);
        ChatAttachment theirs = new ChatAttachment(elsewhere.id(), world.of(elsewhere, bob).id(), "notes.txt",
                "text/plain", 12, "blob-1", world.clock.instant());
        chat.add(theirs);

        assertThatThrownBy(() -> service.send(as(bob), null, ref, new ChatSend("b-1", "Look", null, theirs.id())))
                .isInstanceOf(NotFoundException.class).hasMessage("No such attachment of yours in this meeting");
        assertThat(chat.messages()).isEmpty();
    }

    @Test
    void aGuestPostsAndReadsWithTheirTicketAndATicketOfAnotherMeetingIsRefused() {
        Participation gus = world.guest(meeting, "Gus");
        String ticket = world.guestTicketOf(gus);

        ChatMessageView sent = service.send(null, ticket, ref, new ChatSend("g-1", "Hi from Gus", null, null)).message();

        assertThat(sent.from()).isEqualTo(gus.id());
        assertThat(sent.fromName()).isEqualTo("Gus");
        assertThat(gus.activity().chatMessages()).isOne();
        assertThat(service.messages(null, ticket, ref, null, 10).items()).extracting(ChatMessageView::text)
                .containsExactly("Hi from Gus");

        Meeting elsewhere = world.live(host);
        String otherTicket = world.guestTicketOf(world.guest(elsewhere, "Gil"));
        assertThatThrownBy(() -> service.send(null, otherTicket, ref, new ChatSend("g-2", "Sneaking in", null, null)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage("Ticket expired or not for this meeting");
        assertThatThrownBy(() -> service.send(null, "not-a-ticket", ref, new ChatSend("g-3", "Forged", null, null)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage("Invalid ticket");
        assertThat(chat.messages()).hasSize(1);
    }
}
