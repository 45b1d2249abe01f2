-- What happened in an instance's process, as Altinn's process/history shows it.
create table process_event (
    id            bigint generated always as identity primary key,
    instance_id   uuid not null references instance (id) on delete cascade,
    event_type    text not null,
    element_id    text not null,
    occurred      timestamptz not null,
    started       timestamptz,
    ended         timestamptz,
    performed_by  text
);
create index process_event_by_instance on process_event (instance_id, id);
