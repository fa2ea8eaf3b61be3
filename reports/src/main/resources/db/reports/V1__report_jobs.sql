-- The reports module's own table: organisation-wide usage reports are made in the background, one
-- row per requested export, its progress as it goes, and where the finished file is kept until it
-- expires. Databases that ran the core's migrations before the reports had their own have it
-- already (the core's V29 made it): then this changes nothing.
create table if not exists report_jobs (
    id            uuid primary key,
    requested_by  uuid         not null references users (id),
    format        varchar(8)   not null check (format in ('CSV', 'XLSX', 'PDF')),
    period        varchar(8)   not null check (period in ('DAY', 'WEEK', 'MONTH')),
    from_at       timestamptz  not null,
    to_at         timestamptz  not null,
    state         varchar(8)   not null check (state in ('QUEUED', 'RUNNING', 'READY', 'FAILED', 'EXPIRED')),
    progress      integer      not null default 0 check (progress between 0 and 100),
    rows_written  bigint       not null default 0,
    blob_key      varchar(100),
    size_bytes    bigint,
    failure       varchar(1000),
    requested_at  timestamptz  not null,
    touched_at    timestamptz  not null, -- the last sign of life of the node making it
    finished_at   timestamptz,
    expires_at    timestamptz,
    check (to_at > from_at)
);
create index if not exists report_jobs_requester on report_jobs (requested_by, requested_at desc);
create index if not exists report_jobs_waiting on report_jobs (state, requested_at) where state in ('QUEUED', 'RUNNING', 'READY');
