-- Every delivery added to the one row of its day and channel, so concurrent deliveries waited for
-- each other's commit (a two-phase commit with the broker) on that row. Each day and channel now has
-- up to 16 rows; a delivery adds to one picked at random and readers sum them.
alter table notification_volume add column slot smallint not null default 0 check (slot between 0 and 15);
alter table notification_volume drop constraint notification_volume_pkey;
alter table notification_volume add primary key (day, channel, slot);
