-- Complete confirmations as rows: the purge job and the query endpoint filter on them.
alter table instance drop column complete_confirmations;
create table complete_confirmation (
    instance_id     uuid not null references instance (id) on delete cascade,
    stakeholder_id  text not null,
    confirmed_on    timestamptz not null,
    primary key (instance_id, stakeholder_id)
);
