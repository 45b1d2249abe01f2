-- GET /storage/api/v1/instances: keyset paging on (last_changed, id) within the filter shapes that
-- matter. Already there (V1): (app_id, last_changed desc, id) for app-wide listings, date ranges on
-- last_changed and low-selectivity filters; (instance_owner_party_id, last_changed desc, id) for
-- one party; the partial active-by-party index for a party's live instances.

-- App owner by process step ("everything waiting in Task_2"): one index range per task, in page
-- order, instead of scanning the app index and filtering out the other tasks.
create index instance_by_app_task_last_changed
    on instance (app_id, current_task, last_changed desc, id)
    where current_task is not null;

-- App owner's recycle bin (status.isSoftDeleted=true): a small share of all instances, which the
-- app index would have to scan past page by page.
create index instance_soft_deleted_by_app_last_changed
    on instance (app_id, last_changed desc, id)
    where soft_deleted is not null;
