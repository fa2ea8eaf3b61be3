-- What users chose per channel and topic, over each channel's default (in-app and e-mail: on;
-- Slack direct messages: off until asked for).
create table notification_choices (
    user_id uuid        not null references users (id) on delete cascade,
    channel varchar(10) not null check (channel in ('IN_APP', 'EMAIL', 'SLACK')),
    topic   varchar(20) not null check (topic in ('REMINDERS', 'CHANGES', 'CHAT_MENTIONS')),
    wanted  boolean     not null,
    primary key (user_id, channel, topic)
);
insert into notification_choices (user_id, channel, topic, wanted)
    select user_id, channel, topic, false from notification_opt_outs;
drop table notification_opt_outs;
