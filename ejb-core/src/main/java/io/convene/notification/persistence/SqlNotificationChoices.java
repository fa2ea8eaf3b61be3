package io.convene.notification.persistence;

import io.convene.notification.Channel;
import io.convene.notification.NotificationChoices;
import io.convene.notification.Topic;
import io.convene.shared.IdLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link NotificationChoices} in PostgreSQL's {@code notification_choices}. */
@ApplicationScoped
public class SqlNotificationChoices implements NotificationChoices {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public List<Choice> of(Collection<UUID> userIds, Topic topic) {
        List<Choice> choices = new ArrayList<>();
        for (List<UUID> part : IdLists.parts(userIds)) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select user_id, channel, wanted from notification_choices where user_id in (?1) and topic = ?2")
                    .setParameter(1, part).setParameter(2, topic.name()).getResultList();
            rows.forEach(r -> choices.add(new Choice((UUID) r[0], Channel.valueOf((String) r[1]), topic, (Boolean) r[2])));
        }
        return choices;
    }

    @Override
    public List<Choice> of(UUID userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select channel, topic, wanted from notification_choices where user_id = ?1")
                .setParameter(1, userId).getResultList();
        return rows.stream().map(r -> new Choice(userId, Channel.valueOf((String) r[0]), Topic.valueOf((String) r[1]),
                (Boolean) r[2])).toList();
    }

    @Override
    public Optional<Boolean> wanted(UUID userId, Channel channel, Topic topic) {
        @SuppressWarnings("unchecked")
        List<Boolean> chosen = em.createNativeQuery(
                        "select wanted from notification_choices where user_id = ?1 and channel = ?2 and topic = ?3")
                .setParameter(1, userId).setParameter(2, channel.name()).setParameter(3, topic.name()).getResultList();
        return chosen.stream().findFirst();
    }

    @Override
    public void choose(Choice c) {
        em.createNativeQuery("""
                        insert into notification_choices (user_id, channel, topic, wanted) values (?1, ?2, ?3, ?4)
                        on conflict (user_id, channel, topic) do update set wanted = excluded.wanted""")
                .setParameter(1, c.userId()).setParameter(2, c.channel().name()).setParameter(3, c.topic().name())
                .setParameter(4, c.wanted()).executeUpdate();
    }
}
