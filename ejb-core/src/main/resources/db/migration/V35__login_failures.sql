-- Failed password sign-ins through POST /api/users/login, for throttling per client and account,
-- per client and per account (LoginAttempts). Kept only for the throttle's window: each new failure
-- removes those that have left it. Written in a transaction of their own.
create table login_failures (
    id          bigserial primary key,
    account_key varchar(254) not null,
    client_key  varchar(300) not null,
    failed_at   timestamptz  not null
);
create index login_failures_account on login_failures (account_key, failed_at);
create index login_failures_client on login_failures (client_key, failed_at);
create index login_failures_at on login_failures (failed_at);
