-- What the reports module reads: the core's contract for reporting. The reports read these views,
-- never the tables behind them, so the core may change its tables as long as the views keep their
-- columns (add columns freely; rename or drop one only with the reports changed in the same release).
-- A person's department is '' when the directory gives none.

create view reporting_people as
    select u.id, u.subject, coalesce(u.department, '') as department
    from users u;

create view reporting_meetings as
    select m.id, m.title, m.status, m.starts_at, m.ends_at, m.ended_at, m.host_id,
           coalesce(h.department, '') as host_department
    from meetings m join users h on h.id = m.host_id;

create view reporting_attendees as
    select p.id, p.meeting_id, p.user_id, coalesce(u.department, '') as department,
           coalesce(u.name, p.guest_name, p.invited_email) as name, coalesce(u.email, p.invited_email) as email,
           p.role, p.guest_name is not null as guest, p.first_joined_at, p.joined_at, p.left_at, p.removed_at,
           p.attended_seconds, p.joins, p.chat_messages, p.reactions, p.hands_raised, p.poll_answers, p.questions_asked
    from participations p left join users u on u.id = p.user_id;

create view reporting_visits as
    select v.participation_id, p.meeting_id, p.user_id, coalesce(u.department, '') as department, v.joined_at, v.left_at
    from participation_visits v
    join participations p on p.id = v.participation_id
    left join users u on u.id = p.user_id;
