-- Every delivery added to the one row of its day and channel, so concurrent deliveries waited for
-- each other's commit (a two-phase commit with the broker) on that row. Deliveries now add to one of
-- up to 16 rows per day and channel, picked at random, in a table of their own: a node of the
-- earlier version, still running during a rolling upgrade, goes on adding to notification_volume.
-- Readers read notification_sent, the sum of both.
create table notification_volume_slots (
    day     date        not null,
    channel varchar(10) not null check (channel in ('IN_APP', 'EMAIL', 'SLACK')),
    slot    smallint    not null check (slot between 0 and 15),
    sent    bigint      not null check (sent >= 0),
    primary key (day, channel, slot)
);

create view notification_sent as
select day, channel, sum(sent)::bigint as sent
from (select day, channel, sent from notification_volume
      union all
      select day, channel, sent from notification_volume_slots) counted
group by day, channel;
