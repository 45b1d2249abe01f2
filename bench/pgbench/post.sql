-- What the service runs for POST /{org}/{app}/instances?instanceOwnerPartyId=... with body {}
-- by the owner user (captured with log_statement=all): one transaction, party lookup + insert.
-- Column values are those the service binds; id and timestamps are generated here.
-- created_by is 'pgbench' so that bench/run.sh can tell these rows apart.
BEGIN;
select pe1_0.party_id,pe1_0.is_deleted,pe1_0.name,pe1_0.org_number,pe1_0.party_type,pe1_0.party_uuid,pe1_0.ssn,pe1_0.unit_type,pe1_0.username from party pe1_0 where pe1_0.party_id=:party;
insert into instance (app_id,archived,created,created_by,current_task,data_values,due_before,hard_deleted,instance_owner,last_changed,last_changed_by,org,instance_owner_party_id,presentation_texts,process,read_status,soft_deleted,substatus,version,visible_after,id) values ('ttd/example-app',NULL,now(),'pgbench','Task_1',NULL,NULL,NULL,'{"partyId": "50001337", "personNumber": "12247918309"}',now(),'pgbench','ttd',:party,NULL,'{"started": "2026-11-28T15:08:42.845625Z", "startEvent": "StartEvent_1", "currentTask": {"flow": 2, "name": "Fill in the application", "started": "2026-11-28T15:08:42.845625Z", "flowType": "CompleteCurrentMoveToNext", "elementId": "Task_1", "altinnTaskType": "data"}}',1,NULL,NULL,0,now(),gen_random_uuid());
COMMIT;
