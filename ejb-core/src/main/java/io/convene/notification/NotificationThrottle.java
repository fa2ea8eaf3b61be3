package io.convene.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps a flood of notices from burying a user: at most {@code convene.notifications.max-per-hour}
 * non-urgent ones (reminders, mentions) per user and hour; invitations and changes to meetings are
 * urgent and always get through. The count is of stored in-app notifications, so a user who turned
 * the app channel off is not throttled by e-mail alone.
 */
@ApplicationScoped
public class NotificationThrottle {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final List<String> NOT_URGENT = Arrays.stream(NoticeKind.values())
            .filter(k -> !k.urgent()).map(Enum::name).toList();

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "convene.notifications.max-per-hour", defaultValue = "20")
    int maxPerHour;

    /** Whether this notice may still reach this user now. */
    public boolean allows(NoticeKind kind, UUID userId, Instant now) {
        if (kind.urgent()) {
            return true;
        }
        // one count at a time per user, or concurrent deliveries would all see room under the limit
        em.createNativeQuery("select id from users where id = ?1 for update").setParameter(1, userId).getResultList();
        Number recent = (Number) em.createNativeQuery("""
                        select count(*) from notifications
                        where user_id = ?1 and kind in (?2) and sent_at > ?3""")
                .setParameter(1, userId).setParameter(2, NOT_URGENT).setParameter(3, now.minus(WINDOW))
                .getSingleResult();
        return recent.longValue() < maxPerHour;
    }
}
