-- Search: people by name or address (prefix and typo-tolerant, trigram indexes), meetings by title
-- and agenda, chat messages by text (full-text indexes, the 'simple' configuration: no language's
-- stemming, so every language is treated alike).
create extension if not exists pg_trgm;

create index users_name_trgm on users using gin (lower(name) gin_trgm_ops);
create index users_email_trgm on users using gin (email gin_trgm_ops);

alter table meetings add column search tsvector
    generated always as (to_tsvector('simple', title || ' ' || coalesce(agenda, ''))) stored;
create index meetings_search on meetings using gin (search);
create index meetings_starts on meetings (starts_at);

alter table chat_messages add column search tsvector
    generated always as (to_tsvector('simple', content)) stored;
create index chat_messages_search on chat_messages using gin (search);
