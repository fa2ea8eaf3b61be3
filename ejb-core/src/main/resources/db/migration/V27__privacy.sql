-- GDPR/CCPA: exports of a person's data and erasures, as recorded requests; legal holds that stop an erasure.
create table legal_holds (
    user_id   uuid primary key references users (id),
    reason    varchar(500) not null,
    placed_by uuid         not null references users (id),
    placed_at timestamptz  not null
);

create table privacy_requests (
    id           uuid primary key,
    kind         varchar(16)  not null check (kind in ('EXPORT', 'ERASURE')),
    subject_id   uuid         not null references users (id),
    requested_by uuid         not null references users (id),
    state        varchar(16)  not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    progress     integer      not null default 0 check (progress between 0 and 100),
    requested_at timestamptz  not null,
    finished_at  timestamptz,
    blob_key     varchar(255),
    size_bytes   bigint,
    expires_at   timestamptz,
    certificate  jsonb,
    error        text
);
create index privacy_requests_subject on privacy_requests (subject_id, requested_at desc);
