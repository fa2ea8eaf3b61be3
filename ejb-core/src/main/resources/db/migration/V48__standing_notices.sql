-- Every node remembers, for a minute, the people it has found active, so that a signed-in call
-- does not read their standing again; a deactivation must reach every node at once, whoever makes it
-- (an administrator, a directory sync, an operator's SQL). So the database itself announces it when
-- it commits: a row of users that is (or becomes) DISABLED, or a disabled row given a subject.
create function users_announce_deactivation() returns trigger language plpgsql as $$
begin
    if new.status = 'DISABLED' then
        perform pg_notify('convene_standing', new.subject);
    end if;
    return null;
end
$$;

create trigger users_deactivation_announced after insert or update of status, subject on users
    for each row execute function users_announce_deactivation();
