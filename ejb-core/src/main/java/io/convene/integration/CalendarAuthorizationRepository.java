package io.convene.integration;

import java.time.Instant;
import java.util.Optional;

/** Where calendar consent attempts wait for their answer ({@code persistence.JpaCalendarAuthorizationRepository}). */
public interface CalendarAuthorizationRepository {

    /** Keeps the attempt, and forgets those made before {@code forgetBefore}. */
    void add(CalendarAuthorization attempt, Instant forgetBefore);

    /** The attempt, its row locked until the transaction ends, so that it is answered once. */
    Optional<CalendarAuthorization> takeable(String state);

    void remove(CalendarAuthorization attempt);
}
