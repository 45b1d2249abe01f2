-- What the service runs for GET /{org}/{app}/instances/{partyId}/{guid} (captured with
-- log_statement=all): one prepared statement in autocommit (no BEGIN), the instance by primary
-- key with its owner party, data elements and complete confirmations aggregated into the row
-- (InstanceDocumentStore.BY_ID; no elements nor confirmations for these instances).
-- Ids: the seeded rows have id = md5('bench-' || n)::uuid for n in 1..:ninst, so a random
-- existing id is drawn without an extra round trip (pgbench variables are numbers only).
\set n random(1, :ninst)
select i.*, (select row_to_json(p) from party p where p.party_id = i.instance_owner_party_id) as owner_party, (select json_agg(d order by d.position) from data_element d where d.instance_id = i.id) as data_elements, (select json_agg(c order by c.confirmed_on, c.stakeholder_id) from complete_confirmation c where c.instance_id = i.id) as complete_confirmations from instance i where i.id = md5('bench-' || :n)::uuid;
