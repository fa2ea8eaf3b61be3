package io.convene.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActiveAccountsTest {

    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final ActiveAccounts active = new ActiveAccounts(() -> now);

    @Test
    void nobodyIsRememberedWhileDeactivationsCannotBeHeard() {
        active.foundActive("sub-ann", active.generation());
        assertThat(active.knownActive("sub-ann")).isFalse();

        active.listening(true);
        active.foundActive("sub-ann", active.generation());
        assertThat(active.knownActive("sub-ann")).isTrue();

        active.listening(false);
        assertThat(active.knownActive("sub-ann")).as("forgotten when the listening stops").isFalse();
        active.foundActive("sub-ann", active.generation());
        assertThat(active.knownActive("sub-ann")).isFalse();
    }

    @Test
    void anAnnouncedDeactivationIsForgottenAtOnceAndOnlyForThatPerson() {
        active.listening(true);
        active.foundActive("sub-ann", active.generation());
        active.foundActive("sub-bob", active.generation());

        active.deactivated("sub-ann");

        assertThat(active.knownActive("sub-ann")).isFalse();
        assertThat(active.knownActive("sub-bob")).isTrue();
    }

    @Test
    void aStandingReadWhileADeactivationWasAnnouncedIsNotRemembered() {
        active.listening(true);
        long before = active.generation();
        active.deactivated("sub-ann"); // announced while her (then still active) row was being read

        active.foundActive("sub-ann", before);

        assertThat(active.knownActive("sub-ann")).isFalse();
        active.foundActive("sub-ann", active.generation());
        assertThat(active.knownActive("sub-ann")).as("a read after it counts").isTrue();
    }

    @Test
    void aStandingIsReadAgainAfterAMinuteAnyway() {
        active.listening(true);
        active.foundActive("sub-ann", active.generation());

        now = now.plus(ActiveAccounts.REMEMBERED).minusSeconds(1);
        assertThat(active.knownActive("sub-ann")).isTrue();
        now = now.plusSeconds(1);
        assertThat(active.knownActive("sub-ann")).isFalse();
        assertThat(active.remembered()).isZero();
    }

    @Test
    void pastItsCapacityNobodyMoreIsRememberedUntilEntriesLapse() {
        active.listening(true);
        for (int i = 0; i < ActiveAccounts.CAPACITY; i++) {
            active.foundActive("sub-" + i, active.generation());
        }
        active.foundActive("sub-late", active.generation());
        assertThat(active.knownActive("sub-late")).isFalse();

        now = now.plus(ActiveAccounts.REMEMBERED);
        active.foundActive("sub-late", active.generation());
        assertThat(active.knownActive("sub-late")).isTrue();
        assertThat(active.remembered()).isEqualTo(1);
    }
}
