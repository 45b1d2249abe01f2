-- User-defined metadata of a data element (PUT .../data/{id}/user-defined-metadata): a list of
-- {key, value} entries in the order the client sent them, stored as {"entries": [...]} (Hibernate
-- Reactive binds JSON values as objects only). Null until it is first set, so that a
-- document can tell "never set" (null, as Altinn) from "set to nothing" ([]). Tags have their
-- column since V2 (text[], never null).
alter table data_element add column user_defined_metadata jsonb;
