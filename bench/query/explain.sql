-- The statements the service sends for the main filter shapes (text as QuerySql builds it, values
-- as bind parameters), planned as a long-running service's cached prepared statements are:
-- generic plans.
set plan_cache_mode = force_generic_plan;
\pset pager off

\echo '### app only, first page'
prepare app_only(text, int) as
  select i.* from instance i where i.app_id = $1 order by i.last_changed desc, i.id limit $2;
explain (analyze, buffers, costs off) execute app_only('ttd/example-app', 101);

\echo '### app only, 200,001st row onwards (the page after 2,000 pages of 100)'
select last_changed as deep_at, id as deep_id from instance where app_id = 'ttd/example-app'
  order by last_changed desc, id offset 199999 limit 1 \gset
prepare app_deep(text, timestamptz, uuid, int) as
  select i.* from instance i where i.app_id = $1 and i.last_changed <= $2
  and (i.last_changed < $2 or i.id > $3) order by i.last_changed desc, i.id limit $4;
explain (analyze, buffers, costs off) execute app_deep('ttd/example-app', :'deep_at', :'deep_id', 101);

\echo '### app + party (a user: hard-deleted hidden)'
prepare app_party(text, bigint, int) as
  select i.* from instance i where i.app_id = $1 and i.instance_owner_party_id = $2
  and i.hard_deleted is null order by i.last_changed desc, i.id limit $3;
explain (analyze, buffers, costs off) execute app_party('ttd/example-app', 60000123, 101);

\echo '### app + process.currentTask=Task_2'
prepare app_task(text, text, int) as
  select i.* from instance i where i.app_id = $1 and i.current_task = $2
  order by i.last_changed desc, i.id limit $3;
explain (analyze, buffers, costs off) execute app_task('ttd/example-app', 'Task_2', 101);

\echo '### app + status.isArchived=true'
prepare app_archived(text, int) as
  select i.* from instance i where i.app_id = $1 and i.archived is not null
  order by i.last_changed desc, i.id limit $2;
explain (analyze, buffers, costs off) execute app_archived('ttd/example-app', 101);

\echo '### app + status.isArchived=false'
prepare app_unarchived(text, int) as
  select i.* from instance i where i.app_id = $1 and i.archived is null
  order by i.last_changed desc, i.id limit $2;
explain (analyze, buffers, costs off) execute app_unarchived('ttd/example-app', 101);

\echo '### app + status.isSoftDeleted=true'
prepare app_soft(text, int) as
  select i.* from instance i where i.app_id = $1 and i.soft_deleted is not null
  order by i.last_changed desc, i.id limit $2;
explain (analyze, buffers, costs off) execute app_soft('ttd/example-app', 101);

\echo '### app + lastChanged=gte:2023-01-01T00:00:00Z&lastChanged=lt:2023-02-01T00:00:00Z'
prepare app_range(text, timestamptz, timestamptz, int) as
  select i.* from instance i where i.app_id = $1 and i.last_changed >= $2 and i.last_changed < $3
  order by i.last_changed desc, i.id limit $4;
explain (analyze, buffers, costs off)
  execute app_range('ttd/example-app', '2023-01-01T00:00:00Z', '2023-02-01T00:00:00Z', 101);

\echo '### app + process.isComplete=true&excludeConfirmedBy=ttd (the archiver''s backlog)'
prepare app_backlog(text, text, int) as
  select i.* from instance i where i.app_id = $1 and i.process->>'ended' is not null
  and not exists (select 1 from complete_confirmation c where c.instance_id = i.id
                  and c.stakeholder_id = $2)
  order by i.last_changed desc, i.id limit $3;
explain (analyze, buffers, costs off) execute app_backlog('ttd/example-app', 'ttd', 101);
