-- Process events are recorded as Altinn records them, one row per event: process_StartEvent,
-- process_StartTask, process_EndTask (process_AbandonTask after a reject) and process_EndEvent,
-- each at the time it happened and with who performed it; process/history is derived from them.
-- Rows written before kept a task's start and end in one 'Task' row: split them.
insert into process_event (instance_id, event_type, element_id, occurred, performed_by)
select instance_id, 'process_StartTask', element_id, coalesce(started, occurred), performed_by
from process_event
where event_type = 'Task';

update process_event
set event_type = 'process_EndTask', occurred = coalesce(ended, occurred)
where event_type = 'Task';

update process_event set event_type = 'process_EndEvent' where event_type = 'EndEvent';

alter table process_event drop column started, drop column ended;

drop index process_event_by_instance;
create index process_event_by_instance on process_event (instance_id, occurred, id);
