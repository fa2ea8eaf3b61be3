-- Notifications: what each user was told (in-app), and what they want to be told where.

-- iCalendar SEQUENCE: raised on every change, so calendars update the invite in place.
alter table meetings add column calendar_sequence integer not null default 0;

create table notifications (
    id         uuid primary key,
    user_id    uuid         not null references users (id) on delete cascade,
    meeting_id uuid references meetings (id) on delete set null,
    kind       varchar(30)  not null,
    message    text         not null,
    -- the notice that caused it: a redelivered notice is stored once
    notice_id  uuid         not null,
    sent_at    timestamptz  not null,
    read_at    timestamptz,
    unique (user_id, notice_id)
);
create index notifications_of_user on notifications (user_id, sent_at desc);

-- What a user turned off (per channel and topic); everything else is on.
create table notification_opt_outs (
    user_id uuid        not null references users (id) on delete cascade,
    channel varchar(10) not null check (channel in ('IN_APP', 'EMAIL', 'SLACK')),
    topic   varchar(20) not null check (topic in ('REMINDERS', 'CHANGES', 'CHAT_MENTIONS')),
    primary key (user_id, channel, topic)
);
