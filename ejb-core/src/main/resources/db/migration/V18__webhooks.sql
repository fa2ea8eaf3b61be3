-- Outgoing webhooks (CRMs and anything else): endpoints an administrator registered, the meeting
-- events each wants, the secret its payloads are signed with; and the log of every delivery.
create table webhook_endpoints (
    id            uuid primary key,
    url           varchar(2000) not null,
    events        varchar(200)  not null,
    secret_sealed varchar(400)  not null,
    created_at    timestamptz   not null
);

create table webhook_deliveries (
    id               uuid primary key,
    endpoint_id      uuid         not null references webhook_endpoints (id) on delete cascade,
    event            varchar(16)  not null,
    meeting_id       uuid         not null,
    attempts         integer      not null default 0,
    last_status      integer,
    last_error       varchar(1000),
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    delivered_at     timestamptz
);
create index webhook_deliveries_of_endpoint on webhook_deliveries (endpoint_id, first_attempt_at desc);
