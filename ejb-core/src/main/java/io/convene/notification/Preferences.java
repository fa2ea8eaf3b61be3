package io.convene.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Which notices a user wants where: each channel's default, except what they chose otherwise. */
@ApplicationScoped
public class Preferences {

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    /** What these users chose otherwise than the defaults for a topic, read in one query. */
    Choices of(java.util.Collection<UUID> userIds, Topic topic) {
        Map<UUID, Map<Channel, Boolean>> chosen = new java.util.HashMap<>();
        for (List<UUID> part : io.convene.shared.IdLists.parts(userIds)) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select user_id, channel, wanted from notification_choices where user_id in (?1) and topic = ?2")
                    .setParameter(1, part).setParameter(2, topic.name()).getResultList();
            for (Object[] row : rows) {
                chosen.computeIfAbsent((UUID) row[0], u -> new EnumMap<>(Channel.class)).put(Channel.valueOf((String) row[1]), (Boolean) row[2]);
            }
        }
        return (userId, channel) -> chosen.getOrDefault(userId, Map.of()).getOrDefault(channel, channel.onByDefault());
    }

    /** Whether a user wants a topic's notices on a channel, as {@link #of} read it. */
    interface Choices {
        boolean wants(UUID userId, Channel channel);
    }

    public boolean wants(UUID userId, Channel channel, Topic topic) {
        @SuppressWarnings("unchecked")
        List<Boolean> chosen = em.createNativeQuery(
                        "select wanted from notification_choices where user_id = ?1 and channel = ?2 and topic = ?3")
                .setParameter(1, userId).setParameter(2, channel.name()).setParameter(3, topic.name()).getResultList();
        return chosen.isEmpty() ? channel.onByDefault() : chosen.get(0);
    }

    void turnOn(UUID userId, Channel channel, Topic topic) {
        choose(userId, channel, topic, true);
    }

    void turnOff(UUID userId, Channel channel, Topic topic) {
        choose(userId, channel, topic, false);
    }

    private void choose(UUID userId, Channel channel, Topic topic, boolean wanted) {
        em.createNativeQuery("""
                        insert into notification_choices (user_id, channel, topic, wanted) values (?1, ?2, ?3, ?4)
                        on conflict (user_id, channel, topic) do update set wanted = excluded.wanted""")
                .setParameter(1, userId).setParameter(2, channel.name()).setParameter(3, topic.name())
                .setParameter(4, wanted).executeUpdate();
    }

    /** Per channel, the topics that are on. */
    Map<Channel, Set<Topic>> of(UUID userId) {
        Map<Channel, Set<Topic>> on = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            on.put(c, c.onByDefault() ? EnumSet.allOf(Topic.class) : EnumSet.noneOf(Topic.class));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> chosen = em.createNativeQuery("select channel, topic, wanted from notification_choices where user_id = ?1")
                .setParameter(1, userId).getResultList();
        for (Object[] row : chosen) {
            Set<Topic> topics = on.get(Channel.valueOf((String) row[0]));
            Topic topic = Topic.valueOf((String) row[1]);
            if ((Boolean) row[2]) {
                topics.add(topic);
            } else {
                topics.remove(topic);
            }
        }
        return on;
    }
}
