-- A person connecting their Google or Outlook calendar through the provider's consent screen: the
-- attempt between "Connect" and the provider sending the browser back (OAuth 2.0 authorization code
-- with PKCE). Used once; an attempt older than ten minutes is refused and removed.
create table calendar_authorizations (
    state           varchar(64) primary key,
    user_id         uuid        not null references users (id) on delete cascade,
    provider        varchar(16) not null check (provider in ('GOOGLE', 'MICROSOFT')),
    verifier_sealed text        not null,
    browser_hash    varchar(64) not null,
    created_at      timestamptz not null
);
