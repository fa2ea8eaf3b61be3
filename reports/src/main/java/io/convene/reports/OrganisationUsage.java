package io.convene.reports;

import io.convene.platform.DatabaseSchema;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The organisation's usage per period and department, computed by PostgreSQL in one statement and
 * read row by row through a cursor: the rows are handed on as they come, never all held at once.
 * Peaks are found by walking arrivals and departures in time order (ends before starts at the same
 * instant), with a zero step at each period's start so that meetings already going on count.
 * Every period has a row for everyone; a department has a row where it had anything. Chat messages
 * are each participant's counter (kept as the meeting goes), in the period they first arrived: no
 * scan of the messages, and the figures stay when retention purges old chat.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrganisationUsage {

    /** Most going on at once per period, per department and for everyone, from a table of steps (t, d, department). */
    private static final String PEAKS = """
                select period, coalesce(department, '') as department, grouping(department) = 1 as everyone,
                       case when grouping(department) = 1 then max(in_all) else max(in_department) end as peak
                from (select date_trunc(params.unit, t at time zone 'UTC') as period, department, t,
                             sum(d) over (partition by department order by t, d rows unbounded preceding) as in_department,
                             sum(d) over (order by t, d rows unbounded preceding) as in_all
                      from params, %s) running
                where t >= (select t0 from params) and t < (select t1 from params)
                group by grouping sets ((period, department), (period))
            """;

    static final String SQL = """
            with params as (select cast(? as text) as unit, cast(? as timestamptz) as t0, cast(? as timestamptz) as t1),
            visits as (
                select v.meeting_id, v.user_id, v.department, v.joined_at, v.left_at,
                       date_trunc(params.unit, v.joined_at at time zone 'UTC') as period
                from params, reporting_visits v
                where v.joined_at < params.t1 and v.left_at > params.t0
            ),
            spans as (
                select s.began, s.finished, m.host_department as department,
                       date_trunc(params.unit, s.began at time zone 'UTC') as period
                from params, (select meeting_id, min(joined_at) as began, max(left_at) as finished
                              from visits group by meeting_id) s
                join reporting_meetings m on m.id = s.meeting_id
            ),
            attendance as (
                select period, coalesce(department, '') as department, grouping(department) = 1 as everyone,
                       count(distinct user_id) as active_users, sum(extract(epoch from left_at - joined_at)) as seconds
                from visits where joined_at >= (select t0 from params)
                group by grouping sets ((period, department), (period))
            ),
            held as (
                select period, coalesce(department, '') as department, grouping(department) = 1 as everyone,
                       count(*) as meetings, sum(extract(epoch from finished - began)) as seconds
                from spans where began >= (select t0 from params)
                group by grouping sets ((period, department), (period))
            ),
            messages as (
                select period, coalesce(department, '') as department, grouping(department) = 1 as everyone,
                       sum(chat_messages) as messages
                from (select date_trunc(params.unit, p.first_joined_at at time zone 'UTC') as period,
                             p.department, p.chat_messages
                      from params, reporting_attendees p
                      where p.first_joined_at >= params.t0 and p.first_joined_at < params.t1 and p.chat_messages > 0) sent
                group by grouping sets ((period, department), (period))
            ),
            boundaries as (
                select greatest(g at time zone 'UTC', params.t0) as t
                from params, generate_series(date_trunc(params.unit, params.t0 at time zone 'UTC'),
                                             params.t1 at time zone 'UTC', cast('1 ' || params.unit as interval)) g
                where g at time zone 'UTC' < params.t1
            ),
            meeting_steps as (
                select began as t, 1 as d, department from spans
                union all select finished, -1, department from spans
                union all select b.t, 0, d.department from boundaries b, (select distinct department from spans) d
            ),
            visit_steps as (
                select joined_at as t, 1 as d, department from visits
                union all select left_at, -1, department from visits
                union all select b.t, 0, d.department from boundaries b, (select distinct department from visits) d
            ),
            meeting_peaks as (%s),
            visit_peaks as (%s),
            rows as (
                select period, department, everyone from attendance
                union select period, department, everyone from held
                union select period, department, everyone from messages
                union select period, department, everyone from meeting_peaks
                union select period, department, everyone from visit_peaks
                union select date_trunc(params.unit, b.t at time zone 'UTC'), '', true from params, boundaries b
            )
            select r.period, r.department, r.everyone,
                   coalesce(a.active_users, 0) as active_users, coalesce(h.meetings, 0) as meetings,
                   round(coalesce(h.seconds, 0) / 60) as meeting_minutes,
                   round(coalesce(a.seconds, 0) / 60) as participant_minutes,
                   coalesce(m.messages, 0) as chat_messages,
                   coalesce(mp.peak, 0) as peak_meetings, coalesce(vp.peak, 0) as peak_participants
            from rows r
            left join attendance a on (a.period, a.department, a.everyone) = (r.period, r.department, r.everyone)
            left join held h on (h.period, h.department, h.everyone) = (r.period, r.department, r.everyone)
            left join messages m on (m.period, m.department, m.everyone) = (r.period, r.department, r.everyone)
            left join meeting_peaks mp on (mp.period, mp.department, mp.everyone) = (r.period, r.department, r.everyone)
            left join visit_peaks vp on (vp.period, vp.department, vp.everyone) = (r.period, r.department, r.everyone)
            where r.everyone or a.active_users > 0 or h.meetings > 0 or m.messages > 0 or mp.peak > 0 or vp.peak > 0
            order by r.period, r.everyone desc, r.department""".formatted(PEAKS.formatted("meeting_steps"),
            PEAKS.formatted("visit_steps"));

    @Resource(lookup = DatabaseSchema.DATA_SOURCE)
    DataSource db;

    /** How many rows a report can have at most: a row per period for everyone and for each department. */
    public long rowsAtMost(UsageQuery query) {
        long departments = Sql.one(db, "select count(distinct department) as n from reporting_people", r -> r.getLong("n"));
        return (long) query.periods() * (departments + 1);
    }

    /**
     * Hands every row to {@code rows} in period order, everyone first, then departments by name.
     * {@code started} runs once PostgreSQL has the answer and before the first row.
     */
    public void read(UsageQuery query, Runnable started, Consumer<UsageRow> rows) {
        try (Connection c = db.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL's driver reads through a cursor only inside a transaction
            try (PreparedStatement s = c.prepareStatement(SQL)) {
                s.setFetchSize(500);
                Sql.bind(s, query.period().field(), query.start(), query.end());
                try (ResultSet r = s.executeQuery()) {
                    started.run();
                    while (r.next()) {
                        rows.accept(row(r));
                    }
                }
            } finally {
                c.rollback(); // it only read
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The usage report's query failed: " + e.getMessage(), e);
        }
    }

    private static UsageRow row(ResultSet r) throws SQLException {
        return new UsageRow(r.getObject("period", LocalDateTime.class).toLocalDate(),
                r.getBoolean("everyone") ? null : r.getString("department"),
                r.getLong("active_users"), r.getLong("meetings"), r.getLong("meeting_minutes"),
                r.getLong("participant_minutes"), r.getLong("chat_messages"), r.getLong("peak_meetings"),
                r.getLong("peak_participants"));
    }
}
