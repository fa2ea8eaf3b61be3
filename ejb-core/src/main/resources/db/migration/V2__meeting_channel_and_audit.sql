-- Live meetings, first part: host controls, the event log behind the meeting channel, the audit trail.

alter table meetings add column locked boolean not null default false;
alter table meetings add column last_event_seq bigint not null default 0;
alter table meetings add column ended_at timestamptz;

alter table participations add column removed_at timestamptz;
alter table participations add column denied_at timestamptz;

-- Every state change of a live meeting, in order (seq per meeting, gap-free: assigned under the
-- meeting's row lock). A client that reconnects asks for what came after the last seq it saw.
create table meeting_events (
    id         bigserial primary key,
    meeting_id uuid        not null references meetings (id) on delete cascade,
    seq        bigint      not null,
    type       varchar(40) not null,
    payload    jsonb       not null,
    -- ALL: everyone in the meeting; HOSTS: host and co-hosts; ONE: the recipient, host and co-hosts
    audience   varchar(8)  not null check (audience in ('ALL', 'HOSTS', 'ONE')),
    recipient  uuid references participations (id) on delete cascade,
    created_at timestamptz not null,
    unique (meeting_id, seq)
);

-- Who did what to whom, when: every host control.
create table audit_entries (
    id              bigserial primary key,
    meeting_id      uuid        not null references meetings (id) on delete cascade,
    actor_user_id   uuid        not null references users (id),
    action          varchar(40) not null,
    target_participation_id uuid references participations (id) on delete set null,
    detail          varchar(500),
    at              timestamptz not null
);
create index audit_entries_meeting on audit_entries (meeting_id, at);
