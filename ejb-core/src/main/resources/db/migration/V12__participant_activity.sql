-- Presence and engagement per participant, kept as the meeting goes (input for attendance and
-- engagement reports without scanning the event log): first join, total time in the meeting, how
-- often they (re)joined, and how much they took part.
alter table participations add column first_joined_at  timestamptz;
alter table participations add column attended_seconds bigint  not null default 0;
alter table participations add column joins            integer not null default 0;
alter table participations add column chat_messages    integer not null default 0;
alter table participations add column reactions        integer not null default 0;
alter table participations add column hands_raised     integer not null default 0;
alter table participations add column poll_answers     integer not null default 0;
alter table participations add column questions_asked  integer not null default 0;
