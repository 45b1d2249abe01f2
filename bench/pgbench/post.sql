-- What the service runs for POST /{org}/{app}/instances?instanceOwnerPartyId=50001337 with body
-- {} by user 1337 for their own party (captured with log_statement=all on 2026-12-03): the
-- auto-created form (55 bytes of XML) is stored as a blob in autocommit first (blob row, its one
-- chunk, size and hash; the service no longer reads it back since 7a8edf6), then one
-- transaction: the owner party, the user, the blob marked committed, the instance, its three
-- events (process_StartEvent, process_StartTask, Created), the data element of the form and its
-- Created event.
-- Values are those the service bound; timestamps are now() (one value per transaction, as the
-- service binds one instant) and ids are computed from :r, a fresh random number per
-- transaction, so that one id is reused by the statements of a transaction without an extra
-- round trip (pgbench variables are numbers only): blob md5('blob-' || :r)::uuid, instance
-- md5('instance-' || :r)::uuid, data element md5('element-' || :r)::uuid; event ids, used once,
-- are gen_random_uuid(). The statements before BEGIN run in autocommit, as in the service.
\set r random(1, 1000000000000000)
insert into blob (id) values (md5('blob-' || :r)::uuid);
insert into blob_chunk (blob_id, seq, start, data) values (md5('blob-' || :r)::uuid, 0, 0, '\x3c3f786d6c2076657273696f6e3d22312e302220656e636f64696e673d225554462d38223f3e3c4275696c64696e675065726d69742f3e');
update blob set size = 55, sha256 = 'ee489243f3533ebdc30ced7a073b3aec3481e758850070efc282dc6a15e1995f' where id = md5('blob-' || :r)::uuid;
BEGIN;
select pe1_0.party_id,pe1_0.is_deleted,pe1_0.name,pe1_0.org_number,pe1_0.party_type,pe1_0.party_uuid,pe1_0.ssn,pe1_0.unit_type,pe1_0.username from party pe1_0 where pe1_0.party_id=:party;
select ue1_0.user_id,ue1_0.name,ue1_0.party_id,ue1_0.username from app_user ue1_0 where ue1_0.user_id=1337;
update blob be1_0 set committed=true where be1_0.id in (md5('blob-' || :r)::uuid);
insert into instance (app_id,archived,created,created_by,current_task,data_values,due_before,hard_deleted,instance_owner,last_changed,last_changed_by,org,instance_owner_party_id,presentation_texts,process,read_status,soft_deleted,substatus,version,visible_after,id) values ('ttd/example-app',NULL,now(),'1337','Task_1',NULL,NULL,NULL,'{"partyId": "50001337", "personNumber": "12247918309"}',now(),'1337','ttd',:party,NULL,'{"started": "2026-12-03T14:53:05.746398Z", "startEvent": "StartEvent_1", "currentTask": {"flow": 2, "name": "Fill in the application", "started": "2026-12-03T14:53:05.746398Z", "flowType": "CompleteCurrentMoveToNext", "elementId": "Task_1", "altinnTaskType": "data"}}',1,NULL,NULL,0,now(),md5('instance-' || :r)::uuid);
insert into instance_event (additional_info,created,data_id,element_id,event_type,instance_id,process_info,platform_user,id) values (NULL,now(),NULL,'StartEvent_1','process_StartEvent',md5('instance-' || :r)::uuid,'{"started": "2026-12-03T14:53:05.746398Z", "startEvent": "StartEvent_1", "currentTask": {"flow": 1, "elementId": "StartEvent_1"}}','{"userId": 1337, "authenticationLevel": 2, "nationalIdentityNumber": "12247918309"}',gen_random_uuid());
insert into instance_event (additional_info,created,data_id,element_id,event_type,instance_id,process_info,platform_user,id) values (NULL,now(),NULL,'Task_1','process_StartTask',md5('instance-' || :r)::uuid,'{"started": "2026-12-03T14:53:05.746398Z", "startEvent": "StartEvent_1", "currentTask": {"flow": 2, "name": "Fill in the application", "started": "2026-12-03T14:53:05.746398Z", "flowType": "CompleteCurrentMoveToNext", "elementId": "Task_1", "altinnTaskType": "data"}}','{"userId": 1337, "authenticationLevel": 2, "nationalIdentityNumber": "12247918309"}',gen_random_uuid());
insert into instance_event (additional_info,created,data_id,element_id,event_type,instance_id,process_info,platform_user,id) values (NULL,now(),NULL,NULL,'Created',md5('instance-' || :r)::uuid,'{"started": "2026-12-03T14:53:05.746398Z", "startEvent": "StartEvent_1", "currentTask": {"flow": 2, "name": "Fill in the application", "started": "2026-12-03T14:53:05.746398Z", "flowType": "CompleteCurrentMoveToNext", "elementId": "Task_1", "altinnTaskType": "data"}}','{"userId": 1337, "authenticationLevel": 2, "nationalIdentityNumber": "12247918309"}',gen_random_uuid());
insert into data_element (blob_id,content_hash,content_type,created,created_by,data_type,file_scan_result,filename,instance_id,is_read,last_changed,last_changed_by,locked,position,size,tags,user_defined_metadata,version,id) values (md5('blob-' || :r)::uuid,'ee489243f3533ebdc30ced7a073b3aec3481e758850070efc282dc6a15e1995f','application/xml',now(),'1337','model','NotApplicable',NULL,md5('instance-' || :r)::uuid,true,now(),'1337',false,0,55,'{}',NULL,0,md5('element-' || :r)::uuid);
insert into instance_event (additional_info,created,data_id,element_id,event_type,instance_id,process_info,platform_user,id) values (NULL,now(),md5('element-' || :r)::uuid,NULL,'Created',md5('instance-' || :r)::uuid,'{"started": "2026-12-03T14:53:05.746398Z", "startEvent": "StartEvent_1", "currentTask": {"flow": 2, "name": "Fill in the application", "started": "2026-12-03T14:53:05.746398Z", "flowType": "CompleteCurrentMoveToNext", "elementId": "Task_1", "altinnTaskType": "data"}}','{"userId": 1337, "authenticationLevel": 2, "nationalIdentityNumber": "12247918309"}',gen_random_uuid());
COMMIT;
