-- The node that runs a recording (its lease in job_leases, "node <id>"): when that node crashes
-- its lease runs out, and another node, or the same one started again, stops and finishes it.
alter table recordings add column recorder uuid;
