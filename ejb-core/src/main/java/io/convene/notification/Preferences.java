package io.convene.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Which notices a user wants where: each channel's default, except what they chose otherwise. */
@ApplicationScoped
public class Preferences {

    @Inject
    NotificationChoices choices;

    /** What these users chose otherwise than the defaults for a topic, read in one query. */
    Choices of(java.util.Collection<UUID> userIds, Topic topic) {
        Map<UUID, Map<Channel, Boolean>> chosen = new java.util.HashMap<>();
        for (NotificationChoices.Choice c : choices.of(userIds, topic)) {
            chosen.computeIfAbsent(c.userId(), u -> new EnumMap<>(Channel.class)).put(c.channel(), c.wanted());
        }
        return (userId, channel) -> chosen.getOrDefault(userId, Map.of()).getOrDefault(channel, channel.onByDefault());
    }

    /** Whether a user wants a topic's notices on a channel, as {@link #of} read it. */
    interface Choices {
        boolean wants(UUID userId, Channel channel);
    }

    public boolean wants(UUID userId, Channel channel, Topic topic) {
        return choices.wanted(userId, channel, topic).orElse(channel.onByDefault());
    }

    void turnOn(UUID userId, Channel channel, Topic topic) {
        choose(userId, channel, topic, true);
    }

    void turnOff(UUID userId, Channel channel, Topic topic) {
        choose(userId, channel, topic, false);
    }

    private void choose(UUID userId, Channel channel, Topic topic, boolean wanted) {
        choices.choose(new NotificationChoices.Choice(userId, channel, topic, wanted));
    }

    /** Per channel, the topics that are on. */
    Map<Channel, Set<Topic>> of(UUID userId) {
        Map<Channel, Set<Topic>> on = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            on.put(c, c.onByDefault() ? EnumSet.allOf(Topic.class) : EnumSet.noneOf(Topic.class));
        }
        for (NotificationChoices.Choice c : choices.of(userId)) {
            if (c.wanted()) {
                on.get(c.channel()).add(c.topic());
            } else {
                on.get(c.channel()).remove(c.topic());
            }
        }
        return on;
    }
}
