package io.convene.media;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-limited TURN credentials in the TURN REST API scheme (coturn's {@code use-auth-secret}):
 * the user name is "expiry:who", the password the Base64 HMAC-SHA1 of that name under the secret
 * shared with the TURN server. The server checks both, and refuses the name after its expiry.
 */
public final class TurnCredentials {

    private TurnCredentials() {
    }

    public record Credential(String username, String password, Instant expiresAt) {

        @Override
        public String toString() { // never the password
            return "Credential[" + username + ", expires " + expiresAt + "]";
        }
    }

    public static Credential issue(String sharedSecret, String who, Instant expiresAt) {
        String username = expiresAt.getEpochSecond() + ":" + who;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String password = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
            return new Credential(username, password, expiresAt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
