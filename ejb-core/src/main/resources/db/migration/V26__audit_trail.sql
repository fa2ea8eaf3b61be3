-- The audit trail covers more than host controls: administrators' and compliance officers' actions
-- (what they acted on in "target"), with the client's address and the outcome. It is append-only:
-- the database itself refuses to change or remove an entry, whatever a bug or a console tries.
alter table audit_entries alter column meeting_id drop not null;
alter table audit_entries add column target     varchar(200);
alter table audit_entries add column source_ip  varchar(64);
alter table audit_entries add column outcome    varchar(16) not null default 'SUCCESS'
    check (outcome in ('SUCCESS', 'REFUSED', 'FAILED'));

-- entries outlive their meeting and their target: no cascades into the trail
alter table audit_entries drop constraint audit_entries_meeting_id_fkey;
alter table audit_entries drop constraint audit_entries_target_participation_id_fkey;

create index audit_entries_at on audit_entries (at);
create index audit_entries_actor on audit_entries (actor_user_id, at);
create index audit_entries_action on audit_entries (action, at);

create function audit_entries_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are append-only' using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entries_append_only before update or delete on audit_entries
    for each row execute function audit_entries_refuse_change();
create trigger audit_entries_no_truncate before truncate on audit_entries
    for each statement execute function audit_entries_refuse_change();
