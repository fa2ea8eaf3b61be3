package io.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a channel socket is sent as its participant is let in, turned away or removed. */
class ListenerAccessTest {

    private static final UUID MEETING = UUID.randomUUID();
    private final UUID me = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();
    private final List<MeetingEvent> events = new ArrayList<>();

    private void event(String type, UUID about, EventAudience audience, UUID recipient) {
        String payload = about == null ? "{}" : "{\"participationId\":\"" + about + "\",\"name\":\"x\"}";
        events.add(new MeetingEvent(MEETING, events.size() + 1, type, payload, audience, recipient, null, null,
                Instant.EPOCH));
    }

    private List<String> seenBy(MeetingChannel.Access access, long after) {
        MeetingChannel.Batch batch = new MeetingChannel.Batch(events, Set.of(), Set.of(), Map.of(), MeetingStatus.LIVE);
        return batch.visibleTo(access, after).stream().map(e -> e.seq() + " " + e.type()).toList();
    }

    private MeetingChannel.Access socket(boolean admitted) {
        return MeetingChannel.Access.following(new MeetingChannel.Listener(MEETING, me, 0, admitted, null));
    }

    @Test
    void aWaitingSocketIsSentOnlyItsOwnStateUntilLetInAndEverythingFromThen() {
        event("participant.joined", other, EventAudience.ALL, null);
        event("chat.message", null, EventAudience.ALL, null);
        event("participant.waiting", me, EventAudience.HOSTS, null);
        event("participant.admitted", me, EventAudience.ALL, null);
        event("chat.message", null, EventAudience.ALL, null);
        event("participant.left", other, EventAudience.ALL, null);

        assertThat(seenBy(socket(false), 0))
                .containsExactly("4 participant.admitted", "5 chat.message", "6 participant.left");
    }

    @Test
    void aSocketSentBackToTheWaitingRoomHearsNothingMoreUntilLetInAgain() {
        event("chat.message", null, EventAudience.ALL, null);
        event("participant.waiting", me, EventAudience.HOSTS, null);
        event("chat.message", null, EventAudience.ALL, null);
        event("participant.denied", me, EventAudience.ONE, me);
        event("meeting.ended", null, EventAudience.ALL, null);

        assertThat(seenBy(socket(true), 0)).containsExactly("1 chat.message", "4 participant.denied", "5 meeting.ended");
    }

    @Test
    void aRemovedSocketGetsItsRemovalAndNothingAfterIt() {
        event("chat.message", null, EventAudience.ALL, null);
        event("participant.removed", me, EventAudience.ALL, null);
        event("chat.message", null, EventAudience.ALL, null);
        MeetingChannel.Access access = socket(true);

        assertThat(seenBy(access, 0)).containsExactly("1 chat.message", "2 participant.removed");
        assertThat(access.removed()).isTrue();
        assertThat(seenBy(access, 2)).as("nor in a later batch").isEmpty();
    }

    @Test
    void othersAreNotCutOffBySomeoneElsesRemoval() {
        event("participant.removed", other, EventAudience.ALL, null);
        event("chat.message", null, EventAudience.ALL, null);

        assertThat(seenBy(socket(true), 0)).containsExactly("1 participant.removed", "2 chat.message");
    }
}
