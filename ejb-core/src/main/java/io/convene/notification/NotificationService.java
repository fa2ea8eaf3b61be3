package io.convene.notification;

import io.convene.platform.SignedTickets;
import io.convene.shared.Caller;
import io.convene.shared.NotFoundException;
import io.convene.shared.Page;
import io.convene.user.User;
import io.convene.user.UserService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A user's own notifications and what they want to be told where. */
@Stateless
public class NotificationService {

    /** The NOTIFY channel of stored notifications; its payload is the user id. */
    public static final String CHANNEL = "convene_user_notifications";
    private static final int PUSH_BATCH = 100;

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    NotificationTickets tickets;

    @Inject
    Preferences preferences;

    @Inject
    Clock clock;

    /** Newest first; {@code unreadOnly} leaves out what was read. */
    public Page<NotificationView> list(Caller caller, boolean unreadOnly, int page, int size) {
        User me = users.current(caller);
        String where = "n.userId = :u" + (unreadOnly ? " and n.readAt is null" : "");
        var items = em.createQuery("select n from InAppNotification n where " + where + " order by n.sentAt desc, n.id",
                        InAppNotification.class)
                .setParameter("u", me.id()).setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(NotificationView::of).toList();
        long total = em.createQuery("select count(n) from InAppNotification n where " + where, Long.class)
                .setParameter("u", me.id()).getSingleResult();
        return new Page<>(items, page, size, total);
    }

    /** Someone opening their notification socket: who they are, how far they are, how much is unread. */
    public record Listener(UUID userId, long position, long unread) {
    }

    public Listener listen(Caller caller) {
        return listen(users.current(caller));
    }

    /** A ticket that opens the caller's notification socket from a browser (two minutes). */
    public SignedTickets.Ticket socketTicket(Caller caller) {
        return tickets.issue(users.current(caller).id());
    }

    /** Who a browser's socket ticket names, if they may still listen (a deactivated person may not). */
    public Listener listen(String ticket) {
        User me = em.find(User.class, tickets.verify(ticket));
        if (me == null || me.status() == io.convene.user.UserStatus.DISABLED) {
            throw new io.convene.shared.AccountDeactivatedException();
        }
        return listen(me);
    }

    private Listener listen(User me) {
        long position = em.createQuery("select coalesce(max(n.position), 0) from InAppNotification n where n.userId = :u",
                Long.class).setParameter("u", me.id()).getSingleResult();
        long unread = em.createQuery("select count(n) from InAppNotification n where n.userId = :u and n.readAt is null",
                Long.class).setParameter("u", me.id()).getSingleResult();
        return new Listener(me.id(), position, unread);
    }

    /** A user's notifications stored after {@code position}, oldest first (for live push). */
    public List<NotificationView> after(UUID userId, long position) {
        return em.createQuery("select n from InAppNotification n where n.userId = :u and n.position > :p order by n.position",
                        InAppNotification.class)
                .setParameter("u", userId).setParameter("p", position).setMaxResults(PUSH_BATCH).getResultList()
                .stream().map(NotificationView::of).toList();
    }

    public NotificationView markRead(Caller caller, UUID id) {
        User me = users.current(caller);
        InAppNotification n = em.find(InAppNotification.class, id);
        if (n == null || !n.userId().equals(me.id())) {
            throw new NotFoundException("No such notification");
        }
        n.markRead(clock.instant());
        return NotificationView.of(n);
    }

    /** Marks everything read; answers how many were unread. */
    public int markAllRead(Caller caller) {
        User me = users.current(caller);
        return em.createQuery("update InAppNotification n set n.readAt = :now where n.userId = :u and n.readAt is null")
                .setParameter("now", clock.instant()).setParameter("u", me.id()).executeUpdate();
    }

    public Map<Channel, Set<Topic>> subscribe(Caller caller, Channel channel, Topic topic) {
        User me = users.current(caller);
        preferences.turnOn(me.id(), channel, topic);
        return preferences.of(me.id());
    }

    public Map<Channel, Set<Topic>> unsubscribe(Caller caller, Channel channel, Topic topic) {
        User me = users.current(caller);
        preferences.turnOff(me.id(), channel, topic);
        return preferences.of(me.id());
    }

    public Map<Channel, Set<Topic>> subscriptions(Caller caller) {
        return preferences.of(users.current(caller).id());
    }
}
