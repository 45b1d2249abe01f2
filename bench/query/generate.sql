-- 1,000,000 instances of ttd/example-app for 20,000 parties, spread over ~3 years of lastChanged.
-- Shares: 60 % archived (process ended), 30 % in Task_1, 10 % in Task_2; 5 % soft-deleted, 1 %
-- hard-deleted; a third of the archived ones confirmed by ttd; ~5 % with one data element
-- (hashtext % 10 = 1, and hashtext may be negative).
\timing on
set synchronous_commit = off;
insert into party (party_id, party_uuid, party_type, ssn, name)
select 60000000 + p, gen_random_uuid(), 'Person', lpad((90000000000 + p)::text, 11, '0'), 'Bench Person ' || p
from generate_series(0, 19999) p
on conflict do nothing;

insert into instance (id, instance_owner_party_id, app_id, org, instance_owner, due_before,
                      visible_after, process, current_task, read_status, archived, soft_deleted,
                      hard_deleted, presentation_texts, created, created_by, last_changed,
                      last_changed_by, version)
select gen_random_uuid(),
       60000000 + (n % 20000),
       'ttd/example-app', 'ttd',
       jsonb_build_object('partyId', (60000000 + (n % 20000))::text,
                          'personNumber', lpad((90000000000 + n % 20000)::text, 11, '0')),
       case when n % 7 = 0 then c + interval '30 days' end,
       c,
       case when n % 10 < 6
            then jsonb_build_object('started', c, 'startEvent', 'StartEvent_1',
                                    'ended', lc, 'endEvent', 'EndEvent_1')
            else jsonb_build_object('started', c, 'startEvent', 'StartEvent_1',
                                    'currentTask', jsonb_build_object(
                                        'flow', 2, 'started', c,
                                        'elementId', case when n % 10 = 9 then 'Task_2' else 'Task_1' end,
                                        'name', 'Task', 'altinnTaskType', 'data',
                                        'flowType', 'CompleteCurrentMoveToNext'))
       end,
       case when n % 10 < 6 then null when n % 10 = 9 then 'Task_2' else 'Task_1' end,
       1,
       case when n % 10 < 6 then lc end,
       case when n % 20 = 0 then lc end,
       case when n % 100 = 0 then lc end,
       jsonb_build_object('title', 'Søknad nr ' || n),
       c, '1337', lc, '1337', 0
from (select n,
             timestamptz '2022-01-01T00:00:00Z' + n * interval '90 seconds' as c,
             timestamptz '2022-01-01T00:00:00Z' + n * interval '90 seconds'
                 + (n % 1000) * interval '1 minute' as lc
      from generate_series(1, 1000000) n) g;

insert into complete_confirmation (instance_id, stakeholder_id, confirmed_on)
select id, 'ttd', last_changed from instance
where archived is not null and hashtext(id::text) % 3 = 0;

insert into blob (id, committed, size, sha256) values
    ('00000000-0000-0000-0000-00000000b10b', true, 5, 'bench') on conflict do nothing;
insert into data_element (id, instance_id, position, data_type, content_type, blob_id, size,
                          content_hash, created, last_changed)
select gen_random_uuid(), id, 0, 'attachment', 'text/plain',
       '00000000-0000-0000-0000-00000000b10b', 5, 'bench', created, created
from instance where hashtext(id::text) % 10 = 1;

vacuum analyze party, instance, complete_confirmation, blob, data_element;
select count(*) as instances, pg_size_pretty(pg_database_size(current_database())) as db_size
from instance;
