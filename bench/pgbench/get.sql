-- What the service runs for GET /{org}/{app}/instances/{partyId}/{guid} (captured with
-- log_statement=all, last on 2026-12-03): four statements on one pooled connection, in
-- autocommit (no BEGIN): the instance by primary key, its owner party, its data elements and
-- its complete confirmations (none of either for these instances).
-- Ids: the seeded rows have id = md5('bench-' || n)::uuid for n in 1..:ninst, so a random
-- existing id is drawn without an extra round trip (pgbench variables are numbers only).
\set n random(1, :ninst)
select ie1_0.id,ie1_0.app_id,ie1_0.archived,ie1_0.created,ie1_0.created_by,ie1_0.current_task,ie1_0.data_values,ie1_0.due_before,ie1_0.hard_deleted,ie1_0.instance_owner,ie1_0.last_changed,ie1_0.last_changed_by,ie1_0.org,ie1_0.instance_owner_party_id,ie1_0.presentation_texts,ie1_0.process,ie1_0.read_status,ie1_0.soft_deleted,ie1_0.substatus,ie1_0.version,ie1_0.visible_after from instance ie1_0 where ie1_0.id=md5('bench-' || :n)::uuid;
select pe1_0.party_id,pe1_0.is_deleted,pe1_0.name,pe1_0.org_number,pe1_0.party_type,pe1_0.party_uuid,pe1_0.ssn,pe1_0.unit_type,pe1_0.username from party pe1_0 where pe1_0.party_id in (:party);
select dee1_0.id,dee1_0.blob_id,dee1_0.content_hash,dee1_0.content_type,dee1_0.created,dee1_0.created_by,dee1_0.data_type,dee1_0.file_scan_result,dee1_0.filename,dee1_0.instance_id,dee1_0.is_read,dee1_0.last_changed,dee1_0.last_changed_by,dee1_0.locked,dee1_0.position,dee1_0.size,dee1_0.tags,dee1_0.user_defined_metadata,dee1_0.version from data_element dee1_0 where dee1_0.instance_id in (md5('bench-' || :n)::uuid) order by dee1_0.instance_id,dee1_0.position;
select cce1_0.instance_id,cce1_0.stakeholder_id,cce1_0.confirmed_on from complete_confirmation cce1_0 where cce1_0.instance_id in (md5('bench-' || :n)::uuid) order by cce1_0.confirmed_on,cce1_0.stakeholder_id;
