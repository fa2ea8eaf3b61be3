package io.convene.meeting;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.shared.NativeValues;
import io.convene.shared.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** What is going on now across the organisation, for administrators: meetings with people in them, and today's. */
@Stateless
public class LiveMeetings {

    @Inject
    Permissions permissions;

    private static final int SHOWN = 100;

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    Clock clock;

    public record Live(UUID id, String title, String code, String host, long present, Instant since) {
    }

    public record Now(long liveMeetings, long participantsNow, long meetingsToday, List<Live> live) {
    }

    public Now now(Caller caller) {
        permissions.require(caller, Permission.SEE_LIVE_MEETINGS);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select m.id, m.title, m.code, h.name, count(p.id) as present, min(p.joined_at) as since
                        from meetings m
                        join users h on h.id = m.host_id
                        join participations p on p.meeting_id = m.id
                             and p.joined_at is not null and p.left_at is null and p.removed_at is null
                        where m.status = 'LIVE'
                        group by m.id, m.title, m.code, h.name
                        order by present desc, m.title""").getResultList();
        List<Live> live = rows.stream().map(r -> new Live((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).longValue(), NativeValues.instant(r[5]))).toList();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        long meetingsToday = ((Number) em.createNativeQuery("""
                        select count(*) from meetings where status <> 'CANCELLED' and starts_at >= ?1 and starts_at < ?2""")
                .setParameter(1, Timestamp.from(today.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .setParameter(2, Timestamp.from(today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .getSingleResult()).longValue();
        return new Now(live.size(), live.stream().mapToLong(Live::present).sum(), meetingsToday,
                live.subList(0, Math.min(SHOWN, live.size())));
    }
}
