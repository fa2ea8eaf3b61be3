package io.convene.reports;

import io.convene.meeting.MeetingReportReaders;
import io.convene.platform.DatabaseSchema;
import io.convene.shared.Caller;
import io.convene.shared.NotFoundException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One meeting's report, from what the meeting recorded as it went: each participation's counters
 * and its visits (an index lookup by meeting, never a scan of the event log).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MeetingAnalytics {

    @Resource(lookup = DatabaseSchema.DATA_SOURCE)
    DataSource db;

    @jakarta.ejb.EJB
    MeetingReportReaders readers;

    private final Clock clock = Clock.systemUTC();

    private record Stay(UUID participationId, Instant from, Instant to) {
    }

    public MeetingReport meeting(Caller caller, UUID meetingId) {
        readers.requireReader(caller, meetingId);
        Instant now = clock.instant();
        record Head(String title, String status, Instant start, Instant end, Instant ended) {
        }
        Head head = Sql.one(db, "select title, status, starts_at, ends_at, ended_at from reporting_meetings where id = ?",
                r -> new Head(r.getString("title"), r.getString("status"), Sql.instant(r, "starts_at"),
                        Sql.instant(r, "ends_at"), Sql.instant(r, "ended_at")), meetingId);
        if (head == null) {
            throw new NotFoundException("No such meeting");
        }
        List<Stay> stays = new ArrayList<>(Sql.list(db, """
                        select participation_id, joined_at, left_at from reporting_visits where meeting_id = ?""",
                r -> new Stay(Sql.uuid(r, "participation_id"), Sql.instant(r, "joined_at"), Sql.instant(r, "left_at")),
                meetingId));
        List<MeetingReport.Attendee> attendance = Sql.list(db, """
                        select id, name, email, role, guest, first_joined_at, joined_at, left_at, removed_at,
                               attended_seconds, joins, chat_messages, reactions, hands_raised, poll_answers, questions_asked
                        from reporting_attendees
                        where meeting_id = ? and first_joined_at is not null order by first_joined_at""",
                r -> {
                    Instant joined = Sql.instant(r, "joined_at");
                    boolean present = joined != null && Sql.instant(r, "left_at") == null && Sql.instant(r, "removed_at") == null;
                    long seconds = r.getLong("attended_seconds");
                    if (present) { // the current visit, up to now
                        seconds += Duration.between(joined, now).toSeconds();
                        stays.add(new Stay(Sql.uuid(r, "id"), joined, now));
                    }
                    int joins = r.getInt("joins");
                    return new MeetingReport.Attendee(Sql.uuid(r, "id"), r.getString("name"), r.getString("email"),
                            r.getString("role"), r.getBoolean("guest"), Sql.instant(r, "first_joined_at"),
                            present ? null : Sql.instant(r, "left_at"), present, seconds, joins, Math.max(0, joins - 1),
                            new MeetingReport.Engagement(r.getInt("chat_messages"), r.getInt("reactions"),
                                    r.getInt("hands_raised"), r.getInt("poll_answers"), r.getInt("questions_asked")));
                }, meetingId);
        Map<UUID, Instant> lastLeave = new HashMap<>();
        stays.forEach(s -> lastLeave.merge(s.participationId(), s.to(), (a, b) -> a.isAfter(b) ? a : b));
        attendance = attendance.stream().map(a -> a.present() ? a : new MeetingReport.Attendee(a.participationId(),
                a.name(), a.email(), a.role(), a.guest(), a.firstJoin(), lastLeave.getOrDefault(a.participationId(), a.lastLeave()),
                false, a.attendedSeconds(), a.joins(), a.rejoins(), a.engagement())).toList();

        List<MeetingReport.Point> overTime = overTime(stays);
        Instant actualStart = stays.stream().map(Stay::from).min(Comparator.naturalOrder()).orElse(null);
        boolean anyonePresent = attendance.stream().anyMatch(MeetingReport.Attendee::present);
        Instant actualEnd = head.ended() != null ? head.ended() // ended for all, or the last one left
                : anyonePresent ? null : stays.stream().map(Stay::to).max(Comparator.naturalOrder()).orElse(null);
        long duration = actualStart == null ? 0 : Duration.between(actualStart, actualEnd == null ? now : actualEnd).toSeconds();
        MeetingReport.Engagement totals = attendance.stream().map(MeetingReport.Attendee::engagement)
                .reduce(new MeetingReport.Engagement(0, 0, 0, 0, 0), MeetingReport.Engagement::plus);
        return new MeetingReport(meetingId, head.title(), head.status(), head.start(), head.end(), actualStart, actualEnd,
                duration, overTime.stream().mapToInt(MeetingReport.Point::count).max().orElse(0), overTime, attendance, totals);
    }

    /** A step line: the count after every arrival and departure (ones at the same instant merged). */
    static List<MeetingReport.Point> overTime(List<Stay> stays) {
        TreeMap<Instant, Integer> changes = new TreeMap<>();
        for (Stay s : stays) {
            changes.merge(s.from(), 1, Integer::sum);
            changes.merge(s.to(), -1, Integer::sum);
        }
        List<MeetingReport.Point> points = new ArrayList<>();
        int count = 0;
        for (Map.Entry<Instant, Integer> change : changes.entrySet()) {
            count += change.getValue();
            points.add(new MeetingReport.Point(change.getKey(), count));
        }
        return points;
    }
}
