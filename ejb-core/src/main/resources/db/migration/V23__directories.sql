-- LDAP directories that provision users, their sync runs, and the directory side of a user.

create table directories (
    id                    uuid primary key,
    name                  varchar(100) not null unique,
    vendor                varchar(32)  not null check (vendor in ('ACTIVE_DIRECTORY', 'OPENLDAP')),
    settings              jsonb        not null,
    bind_password_sealed  text,
    role_mappings         jsonb        not null default '[]',
    enabled               boolean      not null,
    changes_every_minutes integer      not null check (changes_every_minutes between 1 and 1440),
    full_every_hours      integer      not null check (full_every_hours between 1 and 720),
    federation_id         varchar(64),
    granted_groups        text,
    change_marker         varchar(64),
    last_full_sync_at     timestamptz,
    last_changes_sync_at  timestamptz,
    created_at            timestamptz  not null,
    version               bigint       not null default 0
);

create table directory_runs (
    id           uuid primary key,
    directory_id uuid         not null references directories (id) on delete cascade,
    mode         varchar(16)  not null check (mode in ('FULL', 'CHANGES')),
    trigger      varchar(16)  not null check (trigger in ('ADMIN', 'SCHEDULE')),
    state        varchar(16)  not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    queued_at    timestamptz  not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    heartbeat_at timestamptz,
    seen         integer      not null default 0,
    created      integer      not null default 0,
    updated      integer      not null default 0,
    disabled     integer      not null default 0,
    failed       integer      not null default 0,
    error        text,
    federation   jsonb
);

-- one run at a time per directory, on every node
create unique index directory_runs_one_active on directory_runs (directory_id) where state in ('QUEUED', 'RUNNING');
create index directory_runs_recent on directory_runs (directory_id, queued_at desc);

create table directory_run_errors (
    run_id  uuid         not null references directory_runs (id) on delete cascade,
    entry   varchar(1000) not null,
    message text         not null
);

create index directory_run_errors_run on directory_run_errors (run_id);

-- users provisioned from a directory exist before their first sign-in: no subject until then
alter table users alter column subject drop not null;
alter table users
    add column directory_id   uuid references directories (id) on delete set null,
    add column directory_uuid varchar(64),
    add column directory_dn   varchar(1000),
    add column directory_username varchar(256),
    add column first_name     varchar(100),
    add column last_name      varchar(100),
    add column phone          varchar(64),
    add column department     varchar(200),
    add column manager_dn     varchar(1000),
    add column directory_roles varchar(200),
    add column directory_seen_at timestamptz;

create unique index users_directory_entry on users (directory_id, directory_uuid);
