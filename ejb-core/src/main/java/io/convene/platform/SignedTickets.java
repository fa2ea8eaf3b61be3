package io.convene.platform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
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
 * Short tickets Convene hands out and takes back itself (a socket, a video player, a guest): HS256
 * JWTs signed with a key of their own kind that only this application holds, issued by "convene" for
 * one audience, so a ticket for one purpose is useless for any other, and never a bearer token.
 */
@ApplicationScoped
public class SignedTickets {

    private static final String ISSUER = "convene";

    @Inject
    AppSecrets secrets;

    @Inject
    Clock clock;

    /** A ticket: its text and when it stops working. */
    public record Ticket(String ticket, Instant expiresAt) {
    }

    /** Signs {@code claims} (the subject and anything else) for {@code audience}, valid for {@code lifetime}. */
    public Ticket issue(String key, String audience, Duration lifetime, JWTClaimsSet.Builder claims) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        claims.issuer(ISSUER).audience(audience).issueTime(Date.from(now)).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString());
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secrets.key(key)));
            return new Ticket(jwt.serialize(), expires);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign ticket", e);
        }
    }

    /** The claims of a genuine, current ticket for {@code audience}; anything else is refused (401). */
    public JWTClaimsSet verified(String key, String audience, String ticket) {
        try {
            SignedJWT jwt = SignedJWT.parse(ticket);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secrets.key(key)))) {
                throw new AuthenticationFailedException("Invalid ticket");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || !List.of(audience).equals(claims.getAudience())
                    || exp == null || !exp.toInstant().isAfter(clock.instant()) || claims.getSubject() == null) {
                throw new AuthenticationFailedException("Ticket expired or not for this");
            }
            return claims;
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw new AuthenticationFailedException("Invalid ticket");
        }
    }
}
