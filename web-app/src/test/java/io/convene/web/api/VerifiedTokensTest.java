package io.convene.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.CallerPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final VerifiedTokens tokens = new VerifiedTokens(() -> now);

    /** A verified token as Payara's store describes it: its raw text and claims. */
    private static final class Token extends CallerPrincipal implements JsonWebToken {
        private final Map<String, Object> claims;

        Token(String raw, Instant expires) {
            super("someone");
            claims = raw == null ? Map.of("exp", expires.getEpochSecond()) : Map.of("raw_token", raw, "exp", expires.getEpochSecond());
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @SuppressWarnings("unchecked")
        @Override
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }

        @Override
        public long getExpirationTime() {
            return (Long) claims.get("exp");
        }
    }

    @Test
    void aVerifiedTokenIsFoundWithWhatItsVerificationGave() {
        Token hana = new Token("token-of-hana", now.plus(Duration.ofMinutes(5)));
        tokens.remember(hana, Set.of("host", "participant"));

        assertThat(tokens.of("token-of-hana")).hasValueSatisfying(verified -> {
            assertThat(verified.principal()).isSameAs(hana);
            assertThat(verified.groups()).containsExactlyInAnyOrder("host", "participant");
        });
        assertThat(tokens.of("token-of-hana ")).isEmpty();
        assertThat(tokens.of("token-of-pablo")).isEmpty();
    }

    @Test
    void aTokenInConstantUseIsVerifiedInFullAgainAfterAMinute() {
        tokens.remember(new Token("t", now.plus(Duration.ofMinutes(5))), Set.of());
        now = now.plus(VerifiedTokens.REMEMBERED).minusSeconds(1);
        tokens.remember(new Token("t", now.plus(Duration.ofMinutes(5))), Set.of()); // found and used again

        assertThat(tokens.of("t")).isPresent();
        now = now.plusSeconds(1);
        assertThat(tokens.of("t")).isEmpty();
    }

    @Test
    void aTokenIsForgottenWhenItExpires() {
        tokens.remember(new Token("short", now.plusSeconds(20)), Set.of());
        now = now.plusSeconds(19);
        assertThat(tokens.of("short")).isPresent();
        now = now.plusSeconds(1);
        assertThat(tokens.of("short")).isEmpty();
    }

    @Test
    void anExpiredTokenOrAPrincipalWithoutOneIsNotRemembered() {
        tokens.remember(new Token("old", now), Set.of());
        tokens.remember(new Token(null, now.plusSeconds(60)), Set.of());
        tokens.remember(new CallerPrincipal("not-a-token"), Set.of());

        assertThat(tokens.of("old")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void pastItsCapacityNewTokensAreVerifiedEachTimeUntilOldOnesExpire() {
        for (int i = 0; i < VerifiedTokens.CAPACITY; i++) {
            tokens.remember(new Token("t" + i, now.plusSeconds(30)), Set.of());
        }
        tokens.remember(new Token("one-more", now.plusSeconds(300)), Set.of());
        assertThat(tokens.of("one-more")).isEmpty();
        assertThat(tokens.size()).isEqualTo(VerifiedTokens.CAPACITY);

        now = now.plusSeconds(30);
        tokens.remember(new Token("one-more", now.plusSeconds(300)), Set.of());
        assertThat(tokens.of("one-more")).isPresent();
        assertThat(tokens.size()).isEqualTo(1);
    }
}
