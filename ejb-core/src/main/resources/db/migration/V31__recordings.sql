-- A meeting's recordings (docs/recordings.md): made on the media server while a host records,
-- composed into one WebM and kept in the blob store; the row describes the file. At most one
-- recording runs per meeting.
create table recordings (
    id          uuid primary key,
    meeting_id  uuid         not null references meetings (id),
    started_by  uuid         not null references users (id),
    started_at  timestamptz  not null,
    stopped_at  timestamptz,
    status      varchar(12)  not null check (status in ('RECORDING', 'PROCESSING', 'READY', 'FAILED')),
    shared      boolean      not null default false,
    blob_key    varchar(64),
    format      varchar(40),
    size_bytes  bigint check (size_bytes >= 0),
    duration_ms bigint check (duration_ms >= 0),
    sha256      varchar(64),
    failure     varchar(500)
);

create index recordings_by_meeting on recordings (meeting_id, started_at);
create unique index recordings_one_running on recordings (meeting_id) where status = 'RECORDING';
