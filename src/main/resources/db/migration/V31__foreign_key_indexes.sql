-- Every foreign key column leads an index. Without one, deleting or re-keying a referenced row
-- makes PostgreSQL scan the whole referencing table to check the constraint: each blob released
-- by delete_released_blob (an element deleted, its content replaced, an instance purged) scanned
-- all of data_element, so deleting n elements cost O(n x table size).
create index data_element_blob on data_element (blob_id);
create index app_user_party on app_user (party_id);
create index delegation_party on delegation (party_id);
