package io.convene.user;

import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A person's first request: their user is made (or a directory's user linked to their sign-in) and
 * committed on its own, before the request goes on. A page that asks two things at once at a first
 * sign-in makes one user; the second insert fails on the unique subject and its request reads the first.
 */
@Stateless
public class FirstSight {

    private static final Logger LOG = Logger.getLogger(FirstSight.class.getName());

    @Inject
    UserRepository users;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void provision(Caller caller) {
        if (users.bySubject(caller.subject()).isPresent()) {
            return;
        }
        if (caller.email() != null) {
            Optional<User> known = users.byEmail(caller.email());
            if (known.isPresent()) {
                User user = known.get();
                if (user.subject() != null || !caller.emailVerified()) { // only a verified address claims a directory's user
                    throw new AccessDeniedException("Convene already knows this e-mail address for someone else;"
                            + " verify your address, or ask an administrator");
                }
                user.linkSubject(caller.subject());
                LOG.info(() -> "First sign-in of directory user " + user.id() + " (subject " + caller.subject() + ")");
                return;
            }
        }
        User user = new User(caller.subject(),
                caller.name() == null || caller.name().isBlank() ? caller.email() : caller.name(),
                caller.email() == null ? caller.subject() + "@unknown.invalid" : caller.email(),
                ZoneId.of("UTC"), clock.instant(), caller.emailVerified() && caller.email() != null);
        users.add(user);
        users.flush();
        LOG.info(() -> "First sign-in of subject " + caller.subject() + ": created user " + user.id());
    }
}
