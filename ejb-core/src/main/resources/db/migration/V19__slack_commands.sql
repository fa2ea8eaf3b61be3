-- Slack's signing secret, sealed: verifies the requests of the /convene slash command.
alter table integration_connections add column signing_secret_sealed varchar(400);
