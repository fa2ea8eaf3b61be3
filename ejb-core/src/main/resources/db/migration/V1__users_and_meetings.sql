-- Convene foundation: users, meetings and who takes part in them.

create table users (
    id                  uuid primary key,
    subject             varchar(255) not null unique,
    name                varchar(200) not null,
    email               varchar(254) not null unique,
    profile_picture_url varchar(2048),
    time_zone           varchar(64)  not null,
    created_at          timestamptz  not null,
    status              varchar(16)  not null check (status in ('ACTIVE', 'DISABLED')),
    version             bigint       not null default 0
);

create table meetings (
    id               uuid primary key,
    title            varchar(200) not null,
    agenda           text,
    starts_at        timestamptz  not null,
    ends_at          timestamptz  not null,
    time_zone        varchar(64)  not null,
    status           varchar(16)  not null check (status in ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED')),
    host_id          uuid         not null references users (id),
    code             varchar(10)  not null unique,
    join_token       varchar(64)  not null unique,
    passcode_hash    varchar(255),
    waiting_room     boolean      not null,
    allow_guests     boolean      not null,
    video_on_entry   boolean      not null,
    audio_on_entry   boolean      not null,
    join_before_host boolean      not null,
    created_at       timestamptz  not null,
    version          bigint       not null default 0,
    check (ends_at > starts_at)
);

create index meetings_host_time on meetings (host_id, starts_at) where status in ('SCHEDULED', 'LIVE');

create table participations (
    id            uuid primary key,
    meeting_id    uuid        not null references meetings (id) on delete cascade,
    user_id       uuid references users (id),
    invited_email varchar(254),
    guest_name    varchar(80),
    role          varchar(16) not null check (role in ('HOST', 'CO_HOST', 'PARTICIPANT')),
    invited_at    timestamptz,
    waiting_since timestamptz,
    admitted_at   timestamptz,
    joined_at     timestamptz,
    left_at       timestamptz,
    check (num_nonnulls(user_id, invited_email, guest_name) = 1)
);

create index participations_meeting on participations (meeting_id);
create index participations_user on participations (user_id);
create index participations_invited_email on participations (invited_email) where invited_email is not null;
create unique index participations_one_per_user on participations (meeting_id, user_id) where user_id is not null;

-- keys the application generates for itself (guest-ticket signing key)
create table app_secrets (
    name  varchar(64) primary key,
    value varchar(255) not null
);
