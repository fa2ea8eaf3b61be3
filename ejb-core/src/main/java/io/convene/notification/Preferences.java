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

/** Which notices a user wants where: everything, except what they turned off. */
@ApplicationScoped
public class Preferences {

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    public boolean wants(UUID userId, Channel channel, Topic topic) {
        return em.createNativeQuery("select count(*) from notification_opt_outs where user_id = ?1 and channel = ?2 and topic = ?3")
                .setParameter(1, userId).setParameter(2, channel.name()).setParameter(3, topic.name())
                .getSingleResult() instanceof Number n && n.longValue() == 0;
    }

    void turnOn(UUID userId, Channel channel, Topic topic) {
        em.createNativeQuery("delete from notification_opt_outs where user_id = ?1 and channel = ?2 and topic = ?3")
                .setParameter(1, userId).setParameter(2, channel.name()).setParameter(3, topic.name()).executeUpdate();
    }

    void turnOff(UUID userId, Channel channel, Topic topic) {
        em.createNativeQuery("insert into notification_opt_outs (user_id, channel, topic) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, userId).setParameter(2, channel.name()).setParameter(3, topic.name()).executeUpdate();
    }

    /** Per channel, the topics that are on. */
    Map<Channel, Set<Topic>> of(UUID userId) {
        Map<Channel, Set<Topic>> on = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            on.put(c, EnumSet.allOf(Topic.class));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> off = em.createNativeQuery("select channel, topic from notification_opt_outs where user_id = ?1")
                .setParameter(1, userId).getResultList();
        off.forEach(row -> on.get(Channel.valueOf((String) row[0])).remove(Topic.valueOf((String) row[1])));
        return on;
    }
}
