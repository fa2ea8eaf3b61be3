-- Retention: how long chat, notifications and meeting logs are kept (null: for ever); one row.
create table retention_policy (
    id                 integer primary key check (id = 1),
    chat_days          integer check (chat_days between 1 and 36500),
    notification_days  integer check (notification_days between 1 and 36500),
    meeting_log_days   integer check (meeting_log_days between 1 and 36500),
    recording_days     integer check (recording_days between 1 and 36500),
    last_purge_at      timestamptz,
    last_purge         jsonb
);
insert into retention_policy (id, notification_days) values (1, 365);
