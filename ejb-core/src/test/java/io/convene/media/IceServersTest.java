package io.convene.media;

import static io.convene.meeting.MeetingWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingWorld;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.NotFoundException;
import io.convene.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The STUN and TURN servers a participant's browser is given: only once let in, TURN with credentials of their own that expire. */
class IceServersTest {

    private final MeetingWorld world = new MeetingWorld();
    private final IceServers ice = new IceServers();

    private final User host = world.person("host");
    private final User ann = world.person("ann");
    private final Meeting meeting = world.live(host, ann);

    IceServersTest() {
        ice.meetings = world.meetings;
        ice.attendees = world.attendees;
        ice.clock = world.clock;
        ice.stunUrls = Optional.of("stun:stun1.example.com:3478, stun:stun2.example.com:3478,");
        ice.turnUrls = Optional.of("turn:turn.example.com:3478?transport=udp,turns:turn.example.com:5349");
        ice.turnSecret = Optional.of("shared-with-coturn");
        ice.ttlSeconds = 600;
    }

    @Test
    void aParticipantInTheMeetingGetsStunAndTurnWithCredentialsNamingThemUntilTheyExpire() {
        IceServers.IceConfiguration config = ice.forParticipant(callerOf(ann), null, meeting.id().toString());

        Instant expires = MeetingWorld.NOW.plusSeconds(600);
        assertThat(config.expiresAt()).isEqualTo(expires);
        assertThat(config.iceServers()).hasSize(2);
        assertThat(config.iceServers().get(0)).isEqualTo(new IceServers.IceServer(
                List.of("stun:stun1.example.com:3478", "stun:stun2.example.com:3478"), null, null));
        IceServers.IceServer turn = config.iceServers().get(1);
        assertThat(turn.urls()).containsExactly("turn:turn.example.com:3478?transport=udp", "turns:turn.example.com:5349");
        String participation = world.of(meeting, ann).id().toString();
        assertThat(turn.username()).isEqualTo(expires.getEpochSecond() + ":" + participation);
        assertThat(turn.credential()).isEqualTo(TurnCredentials.issue("shared-with-coturn", participation, expires).password())
                .isNotEqualTo(TurnCredentials.issue("another-secret", participation, expires).password());
        assertThat(turn.toString()).doesNotContain(turn.credential());
    }

    @Test
    void withoutATurnSecretOnlyStunIsGiven() {
        ice.turnSecret = Optional.empty();

        assertThat(ice.forParticipant(callerOf(ann), null, meeting.id().toString()).iceServers())
                .singleElement().satisfies(s -> assertThat(s.username()).isNull());
    }

    @Test
    void nobodyNotLetInGetsMediaServers() {
        Meeting later = world.meeting(host);
        assertThatThrownBy(() -> ice.forParticipant(callerOf(host), null, later.id().toString()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only participants admitted to the meeting get media servers");
        assertThatThrownBy(() -> ice.forParticipant(callerOf(world.person("zoe")), null, meeting.id().toString()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ice.forParticipant(null, null, meeting.id().toString()))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage("Sign in, or present a guest ticket");
    }
}
