-- The instance event log (Altinn Storage's instance events): one row per change of an instance,
-- written in the change's own transaction, so a refused or rolled-back request leaves none. It
-- generalises process_event: process events are rows like any other (process/history is derived
-- from them), so there is one write per event and one source of truth. Events go with their
-- instance (the foreign key cascades), at purge like everything else of it.
alter table process_event rename to instance_event;
alter table instance_event rename column id to seq;
alter table instance_event rename column occurred to created;
-- Only process events name a BPMN element.
alter table instance_event alter column element_id drop not null;
alter table instance_event
    add column id uuid not null default gen_random_uuid(),
    add column data_id uuid,
    add column platform_user jsonb not null default '{"authenticationLevel": 0}',
    add column process_info jsonb,
    add column additional_info text;

-- The public id is the key; seq (the former identity key) orders events of one instant in the
-- order they were written.
alter table instance_event drop constraint process_event_pkey, add primary key (id);

-- Rows written before kept who performed them as a person number, an org code, an organisation
-- number or nothing: keep each as the PlatformUser field process/history reads it back from
-- (the authentication level was not recorded: 0).
update instance_event
set platform_user = case
    when performed_by ~ '^[0-9]{11}$'
        then jsonb_build_object('authenticationLevel', 0, 'nationalIdentityNumber', performed_by)
    when performed_by ~ '^[0-9]{9}$'
        then jsonb_build_object('authenticationLevel', 0, 'orgNumber', performed_by)
    when performed_by is null or performed_by = ''
        then jsonb_build_object('authenticationLevel', 0)
    else jsonb_build_object('orgId', performed_by, 'authenticationLevel', 0)
end;
alter table instance_event drop column performed_by;

-- An instance's events in order (created, then seq), for listing in either direction with keyset
-- paging, time ranges, and the process history.
drop index process_event_by_instance;
create index instance_event_by_instance on instance_event (instance_id, created, seq);
