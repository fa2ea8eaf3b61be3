package io.convene.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.convene.shared.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sign-in throttle's rules against an in-memory {@link LoginFailures} (PostgreSQL's is proven by the suite). */
class LoginAttemptsTest {

    private static final Instant START = Instant.parse("2026-12-06T09:00:00Z");

    private final InMemoryFailures failures = new InMemoryFailures();
    private final LoginAttempts attempts = new LoginAttempts();
    private Instant now = START;

    @BeforeEach
    void limits() {
        attempts.failures = failures;
        attempts.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        attempts.perClientAccount = 3;
        attempts.perClient = 5;
        attempts.perAccount = 4;
        attempts.window = Duration.ofMinutes(15);
    }

    private void fail(String account, String client, int times) {
        for (int i = 0; i < times; i++) {
            attempts.recordFailure(account, client);
            now = now.plusSeconds(10);
        }
    }

    @Test
    void aClientIsRefusedForAnAccountAfterItsOwnFailuresUntilTheOldestCountedLeavesTheWindow() {
        fail("ann", "10.0.0.1", 3);

        RateLimitedException refused = catchThrowableOfType(() -> attempts.requireAllowed("ann", "10.0.0.1"),
                RateLimitedException.class);
        assertThat(refused).hasMessageContaining("for this account from your address");
        // the first failure (at START) leaves the window at START + 15 min; it is now START + 30 s
        assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(15).minusSeconds(30).toSeconds() + 1);
        assertThatCode(() -> attempts.requireAllowed("ann", "10.0.0.2")).as("another client").doesNotThrowAnyException();

        now = START.plus(Duration.ofMinutes(15)).plusSeconds(1);
        assertThatCode(() -> attempts.requireAllowed("ann", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void aClientFailingForManyAccountsIsRefusedForEveryAccount() {
        for (String account : List.of("a", "b", "c", "d", "e")) {
            fail(account, "10.0.0.9", 1);
        }
        assertThat(catchThrowableOfType(() -> attempts.requireAllowed("someone-new", "10.0.0.9"),
                RateLimitedException.class)).hasMessageContaining("from your address");
    }

    @Test
    void anAccountAttackedFromEverywhereRefusesOnlyClientsThatFailedForItToo() {
        fail("bob", "10.0.0.1", 2);
        fail("bob", "10.0.0.2", 2);

        assertThat(catchThrowableOfType(() -> attempts.requireAllowed("bob", "10.0.0.1"), RateLimitedException.class))
                .hasMessage("Too many failed sign-ins for this account; try again in " + (15 * 60 - 40 + 1) + " seconds");
        assertThatCode(() -> attempts.requireAllowed("bob", "10.0.0.3")).as("a client that never failed for bob")
                .doesNotThrowAnyException();
    }

    @Test
    void aSuccessfulSignInForgetsThatClientsFailuresForThatAccountOnly() {
        fail("cora", "10.0.0.1", 3);
        fail("cora", "10.0.0.2", 3);
        fail("dan", "10.0.0.1", 3);

        attempts.forget("cora", "10.0.0.1");

        assertThatCode(() -> attempts.requireAllowed("cora", "10.0.0.1")).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(() -> attempts.requireAllowed("cora", "10.0.0.2"), RateLimitedException.class))
                .as("the other client's failures for cora").isNotNull();
        assertThat(catchThrowableOfType(() -> attempts.requireAllowed("dan", "10.0.0.1"), RateLimitedException.class))
                .as("the same client's failures for dan").isNotNull();
    }

    @Test
    void failuresOlderThanTheWindowAreDroppedWhenTheNextIsRecorded() {
        fail("erin", "10.0.0.1", 2);
        now = START.plus(Duration.ofMinutes(15)).plusSeconds(5); // the first (START) is out of the window, the second not
        fail("erin", "10.0.0.5", 1);
        assertThat(failures.all).extracting(InMemoryFailures.Failure::at)
                .containsExactly(START.plusSeconds(10), START.plus(Duration.ofMinutes(15)).plusSeconds(5));
    }

    /** Failures in a list, counted and ordered as the SQL store does. */
    static final class InMemoryFailures implements LoginFailures {

        record Failure(String account, String client, Instant at) {
        }

        final List<Failure> all = new ArrayList<>();

        @Override
        public void add(String account, String client, Instant at, Instant forgetBefore) {
            all.removeIf(f -> !f.at().isAfter(forgetBefore));
            all.add(new Failure(account, client, at));
        }

        @Override
        public void forget(String account, String client) {
            all.removeIf(f -> f.account().equals(account) && f.client().equals(client));
        }

        @Override
        public long count(Scope scope, String account, String client, Instant since) {
            return of(scope, account, client, since).count();
        }

        @Override
        public Optional<Instant> nth(Scope scope, String account, String client, Instant since, long skip) {
            return of(scope, account, client, since).map(Failure::at).sorted(Comparator.naturalOrder()).skip(skip).findFirst();
        }

        private java.util.stream.Stream<Failure> of(Scope scope, String account, String client, Instant since) {
            return all.stream().filter(f -> f.at().isAfter(since))
                    .filter(f -> scope == Scope.CLIENT || f.account().equals(account))
                    .filter(f -> scope == Scope.ACCOUNT || f.client().equals(client));
        }
    }
}
