-- A person's own picture, as uploaded from their profile: made square and small, stored as PNG
-- (re-encoded, so nothing of the original file, its metadata included, is kept).
create table profile_pictures (
    user_id    uuid        primary key references users (id) on delete cascade,
    image      bytea       not null,
    updated_at timestamptz not null
);
