package io.convene.web.user;

import io.convene.user.AccountStanding;
import io.convene.web.channel.ChannelHub;
import io.convene.web.notification.NotificationHub;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes the open sockets of people whose account was deactivated: every two seconds each node asks
 * the database which of the people behind its meeting-channel and notification sockets are
 * deactivated, and closes those sockets with code 4401 ("account deactivated"). Asking the shared
 * database, not being told, means every node notices, whichever node (or directory sync) did the
 * deactivation. Controls sent on such a socket before it closes are refused by the channel itself.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeactivatedSockets {

    @jakarta.ejb.EJB
    io.convene.platform.DatabaseReach database;

    private static final Logger LOG = Logger.getLogger(DeactivatedSockets.class.getName());
    static final CloseReason DEACTIVATED = new CloseReason(() -> 4401, "account deactivated");

    @Inject
    AccountStanding standing;

    @Inject
    ChannelHub channels;

    @Inject
    NotificationHub notifications;

    private final AtomicBoolean sweeping = new AtomicBoolean();

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        if (database.waiting("Closing deactivated people's sockets")) {
            return;
        }
        if (!sweeping.compareAndSet(false, true)) {
            return; // the last sweep is still at it
        }
        try {
            Set<UUID> participations = channels.openParticipations();
            if (!participations.isEmpty()) {
                Set<UUID> off = standing.participationsOfDeactivated(participations);
                if (!off.isEmpty()) {
                    LOG.info(() -> "Closing the channel sockets of " + off.size() + " deactivated participation(s)");
                    channels.close(off, DEACTIVATED);
                }
            }
            Set<UUID> users = notifications.openUsers();
            if (!users.isEmpty()) {
                Set<UUID> off = standing.deactivatedUsers(users);
                if (!off.isEmpty()) {
                    LOG.info(() -> "Closing the notification sockets of " + off.size() + " deactivated user(s)");
                    notifications.close(off, DEACTIVATED);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweeping the sockets of deactivated people failed; next try in 2 s", e);
        } finally {
            sweeping.set(false);
        }
    }
}
