-- Content of data elements, stored in PostgreSQL in chunks (the BlobStore's default backend).
-- A blob is written while its upload streams in, with short autocommitted statements, and stays
-- "pending" (committed = false) until the transaction that creates its data element marks it
-- committed. Readers reach content only through data elements, so pending bytes are never
-- visible; a failed upload deletes its pending blobs, and the janitor removes any that a crash
-- left behind.
create table blob (
    id          uuid primary key,
    committed   boolean not null default false,
    size        bigint,
    sha256      text,
    created     timestamptz not null default now()
);
create index blob_pending on blob (created) where not committed;

create table blob_chunk (
    blob_id  uuid not null references blob (id) on delete cascade,
    seq      integer not null,
    start    bigint not null,  -- offset of the chunk's first byte in the blob, for range reads
    data     bytea not null,
    primary key (blob_id, seq)
);

create table data_element (
    id               uuid primary key,
    instance_id      uuid not null references instance (id) on delete cascade,
    position         integer not null,
    data_type        text not null,
    filename         text,
    content_type     text not null,
    blob_id          uuid not null references blob (id),
    size             bigint not null,
    content_hash     text not null,
    locked           boolean not null default false,
    is_read          boolean not null default true,
    tags             text[] not null default '{}',
    file_scan_result text not null default 'NotApplicable',
    created          timestamptz not null,
    created_by       text,
    last_changed     timestamptz not null,
    last_changed_by  text,
    version          bigint not null default 0
);
-- An instance's elements in upload order; also serves counts per data type.
create index data_element_by_instance on data_element (instance_id, position);
