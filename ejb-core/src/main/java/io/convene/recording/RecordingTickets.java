package io.convene.recording;

import com.nimbusds.jwt.JWTClaimsSet;
import io.convene.platform.SignedTickets;
import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A ticket that lets a browser's video player fetch one recording for one person (a player cannot
 * send a bearer token): it names the person, their roles and the recording, and lasts four hours, so
 * seeking works through a long recording. Each request with it is checked and audited as the
 * person's own.
 */
@ApplicationScoped
public class RecordingTickets {

    private static final String KEY = "recording-ticket-hmac";
    private static final String AUDIENCE = "convene-recording";
    private static final Duration LIFETIME = Duration.ofHours(4);

    @Inject
    SignedTickets tickets;

    SignedTickets.Ticket issue(Caller caller, UUID recordingId) {
        return tickets.issue(KEY, AUDIENCE, LIFETIME, new JWTClaimsSet.Builder().subject(caller.subject())
                .claim("rid", recordingId.toString()).claim("roles", List.copyOf(caller.roles())));
    }

    /** The person a genuine, current ticket for this recording names; anything else is refused. */
    Caller verify(String ticket, UUID recordingId) {
        JWTClaimsSet claims = tickets.verified(KEY, AUDIENCE, ticket);
        try {
            if (!recordingId.toString().equals(claims.getStringClaim("rid"))) {
                throw new AuthenticationFailedException("Ticket not for this recording");
            }
            return new Caller(claims.getSubject(), null, null, Set.copyOf(claims.getStringListClaim("roles")), null, false);
        } catch (ParseException | NullPointerException e) {
            throw new AuthenticationFailedException("Invalid ticket");
        }
    }
}
