package io.convene.user;

import java.time.Clock;

/** The user context's use cases wired to a repository for unit tests (what CDI and the EJB container do in the suite). */
public final class UserServices {

    private UserServices() {
    }

    /** A {@link UserService} that knows people through {@code users} and makes a first-timer's user there too. */
    public static UserService of(UserRepository users, Clock clock) {
        FirstSight firstSight = new FirstSight();
        firstSight.users = users;
        firstSight.clock = clock;
        UserService service = new UserService();
        service.users = users;
        service.clock = clock;
        service.firstSight = firstSight;
        return service;
    }
}
