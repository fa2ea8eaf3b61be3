-- Where each meeting's copy is in its host's own calendar (Google): its id there.
create table calendar_copies (
    meeting_id    uuid         not null references meetings (id) on delete cascade,
    connection_id uuid         not null references integration_connections (id) on delete cascade,
    external_id   varchar(1024) not null,
    primary key (meeting_id, connection_id)
);
