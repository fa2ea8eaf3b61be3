-- Live meetings: chat (group and private), reactions on messages, attachments.

alter table meetings add column private_chat_allowed boolean not null default true;

-- PAIR: only the recipient and also_to (a private message's two ends; not even the host)
alter table meeting_events drop constraint meeting_events_audience_check;
alter table meeting_events add constraint meeting_events_audience_check check (audience in ('ALL', 'HOSTS', 'ONE', 'PAIR'));
alter table meeting_events add column also_to uuid references participations (id) on delete cascade;

create table chat_attachments (
    id                 uuid primary key,
    meeting_id         uuid         not null references meetings (id) on delete cascade,
    uploader_id        uuid         not null references participations (id) on delete cascade,
    file_name          varchar(255) not null,
    content_type       varchar(255) not null,
    size_bytes         bigint       not null,
    storage_key        varchar(255) not null,
    created_at         timestamptz  not null
);

create table chat_messages (
    id                uuid primary key,
    position          bigserial    not null unique,
    meeting_id        uuid         not null references meetings (id) on delete cascade,
    sender_id         uuid         not null references participations (id) on delete cascade,
    recipient_id      uuid references participations (id) on delete cascade,
    client_message_id varchar(64)  not null,
    content           text         not null,
    attachment_id     uuid references chat_attachments (id) on delete set null,
    sent_at           timestamptz  not null,
    unique (meeting_id, sender_id, client_message_id)
);
create index chat_messages_meeting on chat_messages (meeting_id, position);

create table chat_reactions (
    message_id       uuid        not null references chat_messages (id) on delete cascade,
    participation_id uuid        not null references participations (id) on delete cascade,
    emoji            varchar(16) not null,
    reacted_at       timestamptz not null,
    primary key (message_id, participation_id, emoji)
);
