-- Recurring meetings: a series holds the rule (RFC 5545 RRULE) and the link its invitations carry
-- (the first meeting's code and token); each occurrence is a meeting of its own, remembering the
-- start the rule gave it (iCalendar's RECURRENCE-ID) and whether it was changed on its own.
create table meeting_series (
    id                uuid primary key,
    host_id           uuid         not null references users (id),
    rule              varchar(200) not null,
    time_zone         varchar(64)  not null,
    first_start       timestamptz  not null,
    first_end         timestamptz  not null,
    code              varchar(10)  not null unique,
    join_token        varchar(64)  not null unique,
    calendar_sequence integer      not null default 0,
    created_at        timestamptz  not null
);
alter table meetings add column series_id uuid references meeting_series (id),
                     add column occurrence_start timestamptz,
                     add column detached boolean not null default false;
create index meetings_series on meetings (series_id, starts_at) where series_id is not null;
