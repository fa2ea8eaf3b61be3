package io.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.shared.InvalidInputException;
import io.convene.shared.InvalidInputException.FieldError;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MeetingTimesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void readsLocalTimesInTheMeetingsZoneAndInstantsAsTheyAre() {
        TimeSlot slot = MeetingTimes.parse("2026-12-01T10:00", "2026-12-01T09:30:00Z", BERLIN, NOW);

        assertThat(slot.start()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(slot.end()).isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
    }

    @Test
    void endBeforeStartIsAFieldError() {
        assertThatThrownBy(() -> MeetingTimes.parse("2026-12-01T10:00", "2026-12-01T09:00", BERLIN, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("end", "must be after start")));
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> MeetingTimes.parse("tomorrow", "later", BERLIN, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("start", "end"));
    }

    @Test
    void refusesThePastAndMarathons() {
        assertThatThrownBy(() -> MeetingTimes.parse("2026-11-24T10:00Z", "2026-11-24T11:00Z", BERLIN, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("start"));
        assertThatThrownBy(() -> MeetingTimes.parse("2026-12-01T10:00Z", "2026-12-02T10:01Z", BERLIN, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("end"));
    }
}
