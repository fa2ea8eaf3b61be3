-- Failed passcode attempts, for rate limiting per client and per meeting. No foreign key: rows are
-- written in their own transaction while the join holds the meeting's row lock.
create table passcode_failures (
    id         bigserial primary key,
    meeting_id uuid         not null,
    client_key varchar(300) not null,
    failed_at  timestamptz  not null
);
create index passcode_failures_meeting on passcode_failures (meeting_id, failed_at);
