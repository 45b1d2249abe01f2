-- Register: parties, users and delegations (seeded at startup from register.seed-file).
create table party (
    party_id    bigint primary key,
    party_uuid  uuid,
    party_type  text not null check (party_type in ('Person', 'Organisation', 'SelfIdentified')),
    ssn         text unique,
    org_number  text unique,
    unit_type   text,
    username    text,
    name        text not null,
    is_deleted  boolean not null default false
);
create unique index party_username_key on party (lower(username)) where username is not null;

create table app_user (
    user_id   bigint primary key,
    party_id  bigint not null references party (party_id),
    username  text,
    name      text
);

create table delegation (
    user_id   bigint not null references app_user (user_id),
    party_id  bigint not null references party (party_id),
    roles     jsonb not null default '[]',
    primary key (user_id, party_id)
);

-- Instances. Columns that queries filter or sort on are real columns; nested documents that are
-- only ever read whole (process, substatus, confirmations, texts) are jsonb.
create table instance (
    id                      uuid primary key,
    instance_owner_party_id bigint not null,
    app_id                  text not null,
    org                     text not null,
    instance_owner          jsonb not null,
    due_before              timestamptz,
    visible_after           timestamptz,
    process                 jsonb,
    current_task            text,
    read_status             smallint not null default 0,
    substatus               jsonb,
    archived                timestamptz,
    soft_deleted            timestamptz,
    hard_deleted            timestamptz,
    complete_confirmations  jsonb,
    presentation_texts      jsonb,
    data_values             jsonb,
    created                 timestamptz not null,
    created_by              text,
    last_changed            timestamptz not null,
    last_changed_by         text,
    version                 bigint not null default 0
);

-- GET {partyId}/active: the party's live instances of the app, newest change first.
create index instance_active_by_party on instance (app_id, instance_owner_party_id, last_changed desc, id)
    where archived is null and soft_deleted is null and hard_deleted is null;
-- Storage-style listings: all instances of an app, or of one party, by last change (keyset paging).
create index instance_by_app_last_changed on instance (app_id, last_changed desc, id);
create index instance_by_party_last_changed on instance (instance_owner_party_id, last_changed desc, id);
-- Purge job: hard-deleted instances only.
create index instance_hard_deleted on instance (hard_deleted) where hard_deleted is not null;
