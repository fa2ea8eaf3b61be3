package io.convene.user;

import io.convene.shared.Caller;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;

/** People with accounts and the callers they are on a request, the same in every context's unit tests. */
public final class People {

    private People() {
    }

    /** A person with an account ({@code sub-name}, verified address {@code name@example.com}, UTC), kept in {@code users}. */
    public static User person(InMemoryUsers users, Clock clock, String name) {
        User user = new User("sub-" + name, name, name + "@example.com", ZoneId.of("UTC"), clock.instant(), true);
        users.add(user);
        return user;
    }

    /** The person as the identity provider vouches for them on a request, with these realm roles. */
    public static Caller callerOf(User user, String... roles) {
        return new Caller(user.subject(), user.name(), user.email(), Set.of(roles), "session-" + user.subject(), true);
    }
}
