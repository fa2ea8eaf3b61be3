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
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Short-lived tickets for guests without an account: an HS256 JWT naming one participation of one
 * meeting, signed with a key only this application holds. Its audience is {@value #AUDIENCE}, so it
 * is useless as a bearer token, and it is bound to its meeting.
 */
@ApplicationScoped
public class GuestTickets {

    static final String AUDIENCE = "convene-guest";
    static final Duration LIFETIME = Duration.ofHours(4);
    private static final String KEY = "guest-ticket-hmac";
    private static final String ISSUER = "convene";

    @Inject
    AppSecrets secrets;

    @Inject
    Clock clock;

    public record Ticket(String value, Instant expiresAt) {
    }

    public Ticket issue(Participation guest) {
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(guest.id().toString())
                .claim("mid", guest.meeting().id().toString()).claim("name", guest.displayName())
                .issueTime(Date.from(now)).expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secrets.key(KEY)));
            return new Ticket(jwt.serialize(), expires);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign guest ticket", e);
        }
    }

    /** Answers the participation id the ticket names, if it is genuine, current and for this meeting. */
    public UUID verify(String ticket, UUID meetingId) {
        try {
            SignedJWT jwt = SignedJWT.parse(ticket);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new MACVerifier(secrets.key(KEY)))) {
                throw new AuthenticationFailedException("Invalid guest ticket");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || !List.of(AUDIENCE).equals(claims.getAudience())
                    || exp == null || !exp.toInstant().isAfter(clock.instant())
                    || !meetingId.toString().equals(claims.getStringClaim("mid"))) {
                throw new AuthenticationFailedException("Guest ticket expired or not for this meeting");
            }
            return UUID.fromString(claims.getSubject());
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw new AuthenticationFailedException("Invalid guest ticket");
        }
    }
}
