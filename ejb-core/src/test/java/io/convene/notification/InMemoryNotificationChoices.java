package io.convene.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** People's choices kept in a map, one per user, channel and topic (a later choice replaces it), for unit tests. */
final class InMemoryNotificationChoices implements NotificationChoices {

    private record Key(UUID userId, Channel channel, Topic topic) {
    }

    private final Map<Key, Choice> choices = new LinkedHashMap<>();

    List<Choice> all() {
        return List.copyOf(choices.values());
    }

    @Override
    public List<Choice> of(Collection<UUID> userIds, Topic topic) {
        return choices.values().stream().filter(c -> userIds.contains(c.userId()) && c.topic() == topic).toList();
    }

    @Override
    public List<Choice> of(UUID userId) {
        return choices.values().stream().filter(c -> c.userId().equals(userId)).toList();
    }

    @Override
    public Optional<Boolean> wanted(UUID userId, Channel channel, Topic topic) {
        return Optional.ofNullable(choices.get(new Key(userId, channel, topic))).map(Choice::wanted);
    }

    @Override
    public void choose(Choice choice) {
        choices.put(new Key(choice.userId(), choice.channel(), choice.topic()), choice);
    }
}
