package io.convene.notification;

import io.convene.platform.SignedTickets;
import io.convene.shared.Caller;
import io.convene.shared.NotFoundException;
import io.convene.shared.Page;
import io.convene.user.User;
import io.convene.user.UserService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
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

    @Inject
    InAppNotifications notifications;

    @Inject
    UserService users;

    @Inject
    io.convene.user.UserRepository accounts;

    @Inject
    NotificationTickets tickets;

    @Inject
    Preferences preferences;

    @Inject
    Clock clock;

    /** Newest first; {@code unreadOnly} leaves out what was read. */
    public Page<NotificationView> list(Caller caller, boolean unreadOnly, int page, int size) {
        User me = users.current(caller);
        var items = notifications.page(me.id(), unreadOnly, page, size).stream().map(NotificationView::of).toList();
        return new Page<>(items, page, size, notifications.count(me.id(), unreadOnly));
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
        User me = accounts.byId(tickets.verify(ticket)).orElse(null);
        if (me == null || me.status() == io.convene.user.UserStatus.DISABLED) {
            throw new io.convene.shared.AccountDeactivatedException();
        }
        return listen(me);
    }

    private Listener listen(User me) {
        return new Listener(me.id(), notifications.lastPosition(me.id()), notifications.count(me.id(), true));
    }

    /** A user's notifications stored after {@code position}, oldest first (for live push). */
    public List<NotificationView> after(UUID userId, long position) {
        return notifications.after(userId, position, PUSH_BATCH).stream().map(NotificationView::of).toList();
    }

    public NotificationView markRead(Caller caller, UUID id) {
        User me = users.current(caller);
        InAppNotification n = notifications.byId(id).filter(mine -> mine.userId().equals(me.id()))
                .orElseThrow(() -> new NotFoundException("No such notification"));
        n.markRead(clock.instant());
        return NotificationView.of(n);
    }

    /** Marks everything read; answers how many were unread. */
    public int markAllRead(Caller caller) {
        User me = users.current(caller);
        return notifications.markAllRead(me.id(), clock.instant());
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
