package io.convene.notification;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What people chose otherwise than each channel's default ({@code persistence.SqlNotificationChoices}). */
public interface NotificationChoices {

    /** One choice: on or off, for a topic's notices on a channel. */
    record Choice(UUID userId, Channel channel, Topic topic, boolean wanted) {
    }

    /** These users' choices for a topic. */
    List<Choice> of(Collection<UUID> userIds, Topic topic);

    /** All of one user's choices. */
    List<Choice> of(UUID userId);

    Optional<Boolean> wanted(UUID userId, Channel channel, Topic topic);

    void choose(Choice choice);
}
