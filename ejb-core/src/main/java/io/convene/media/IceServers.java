package io.convene.media;

import io.convene.meeting.Attendees;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingRepository;
import io.convene.meeting.MeetingService;
import io.convene.meeting.Participation;
import io.convene.meeting.ParticipationState;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The STUN and TURN servers a participant's browser may use, from configuration; TURN with
 * credentials of their own that expire ({@link TurnCredentials}). Only those admitted to the
 * meeting get them: people in the waiting room have no media yet.
 */
@Stateless
public class IceServers {

    /** One entry of RTCConfiguration.iceServers. */
    public record IceServer(List<String> urls, String username, String credential) {

        @Override
        public String toString() { // never the credential
            return "IceServer" + urls;
        }
    }

    public record IceConfiguration(List<IceServer> iceServers, Instant expiresAt) {
    }

    @Inject
    MeetingRepository meetings;

    @Inject
    Attendees attendees;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "convene.stun.urls")
    Optional<String> stunUrls;

    @Inject
    @ConfigProperty(name = "convene.turn.urls")
    Optional<String> turnUrls;

    @Inject
    @ConfigProperty(name = "convene.turn.secret")
    Optional<String> turnSecret;

    @Inject
    @ConfigProperty(name = "convene.turn.ttl-seconds", defaultValue = "3600")
    long ttlSeconds;

    /** @param caller the signed-in caller, or null for a guest with {@code guestTicket} */
    public IceConfiguration forParticipant(Caller caller, String guestTicket, String reference) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        Participation p = attendees.of(meeting, caller, guestTicket);
        if (p.state() != ParticipationState.JOINED) {
            throw new AccessDeniedException("Only participants admitted to the meeting get media servers");
        }
        Instant expires = clock.instant().plus(Duration.ofSeconds(ttlSeconds));
        List<IceServer> servers = new ArrayList<>();
        stunUrls.map(IceServers::split).filter(u -> !u.isEmpty()).ifPresent(u -> servers.add(new IceServer(u, null, null)));
        if (turnUrls.isPresent() && turnSecret.isPresent()) {
            TurnCredentials.Credential c = TurnCredentials.issue(turnSecret.get(), p.id().toString(), expires);
            servers.add(new IceServer(split(turnUrls.get()), c.username(), c.password()));
        }
        return new IceConfiguration(servers, expires);
    }

    private static List<String> split(String urls) {
        return Arrays.stream(urls.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList();
    }
}
