-- Reading changes back from a calendar: where the last read ended (the provider's sync token).
alter table integration_connections add column sync_token varchar(1000);
alter table integration_connections add column synced_at timestamptz;
