package io.convene.meeting;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.convene.platform.AppSecrets;
import io.convene.shared.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Tickets naming one participation of one meeting: an HS256 JWT signed with a key only this
 * application holds, bound to its meeting, and useless as a bearer token (its audience is Convene's
 * own). Guests get a {@link Kind#GUEST} ticket instead of an account; everyone who joins gets a
 * short {@link Kind#CHANNEL} ticket to open the meeting's WebSocket (browsers cannot send headers
 * there). A guest ticket opens the channel too.
 */
@ApplicationScoped
public class ParticipantTickets {

    /** What a ticket is for: its audience and how long it lasts. */
    public enum Kind {
        GUEST("convene-guest", Duration.ofHours(4)),
        CHANNEL("convene-channel", Duration.ofMinutes(2));

        final String audience;
        final Duration lifetime;

        Kind(String audience, Duration lifetime) {
            this.audience = audience;
            this.lifetime = lifetime;
        }
    }

    private static final String KEY = "guest-ticket-hmac";
    private static final String ISSUER = "convene";

    @Inject
    AppSecrets secrets;

    @Inject
    Clock clock;

    public record Ticket(String value, Instant expiresAt) {
    }

    public Ticket issue(Participation participation, Kind kind) {
        Instant now = clock.instant();
        Instant expires = now.plus(kind.lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(kind.audience).subject(participation.id().toString())
                .claim("mid", participation.meeting().id().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secrets.key(KEY)));
            return new Ticket(jwt.serialize(), expires);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign ticket", e);
        }
    }

    /**
     * The participation a genuine guest ticket of this meeting names, expired or not: how a guest who
     * comes back is recognised. Anything forged or of another meeting names nobody.
     */
    public java.util.Optional<UUID> earlier(String ticket, UUID meetingId) {
        try {
            SignedJWT jwt = SignedJWT.parse(ticket);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new MACVerifier(secrets.key(KEY)))) {
                return java.util.Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!ISSUER.equals(claims.getIssuer()) || !claims.getAudience().equals(List.of(Kind.GUEST.audience))
                    || !meetingId.toString().equals(claims.getStringClaim("mid"))) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(UUID.fromString(claims.getSubject()));
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Answers the participation id the ticket names, if it is genuine, current, for this meeting and
     * of one of the given kinds.
     */
    public UUID verify(String ticket, UUID meetingId, Kind... kinds) {
        try {
            SignedJWT jwt = SignedJWT.parse(ticket);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new MACVerifier(secrets.key(KEY)))) {
                throw new AuthenticationFailedException("Invalid ticket");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            List<String> audiences = Arrays.stream(kinds).map(k -> k.audience).toList();
            Date exp = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getAudience().size() != 1
                    || !audiences.contains(claims.getAudience().get(0))
                    || exp == null || !exp.toInstant().isAfter(clock.instant())
                    || !meetingId.toString().equals(claims.getStringClaim("mid"))) {
                throw new AuthenticationFailedException("Ticket expired or not for this meeting");
            }
            return UUID.fromString(claims.getSubject());
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw new AuthenticationFailedException("Invalid ticket");
        }
    }
}
