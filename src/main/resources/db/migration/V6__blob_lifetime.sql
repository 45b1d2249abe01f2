-- A data element's content lives exactly as long as the element references it: deleting the
-- element (one by one, by type at the process end, or with its instance at purge) or replacing
-- its content deletes the blob it referenced, and its chunks with it. Every deletion path is thus
-- covered by the schema instead of by each caller remembering to do it in the same transaction.
create function delete_released_blob() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.blob_id is distinct from new.blob_id then
        delete from blob where id = old.blob_id;
    end if;
    return null;
end;
$$;

create trigger data_element_releases_blob
    after delete or update of blob_id on data_element
    for each row execute function delete_released_blob();
