-- Connections to outside services: for the organisation (user_id null: Slack, Teams) or for one
-- user (their Google or Outlook calendar). The secret (token) is sealed and never returned.
create table integration_connections (
    id            uuid primary key,
    provider      varchar(16)  not null check (provider in ('GOOGLE', 'MICROSOFT', 'SLACK', 'TEAMS')),
    user_id       uuid references users (id) on delete cascade,
    settings      jsonb        not null default '{}',
    secret_sealed varchar(4000),
    connected_at  timestamptz  not null,
    last_success_at timestamptz,
    last_error    varchar(1000),
    last_error_at timestamptz
);
create unique index integration_connections_one_per_owner
    on integration_connections (provider, coalesce(user_id, '00000000-0000-0000-0000-000000000000'));

-- Deliveries to outside services that went through: a redelivered message is not sent again.
create table integration_deliveries (
    id            uuid primary key,
    connection_id uuid        not null references integration_connections (id) on delete cascade,
    delivered_at  timestamptz not null
);
