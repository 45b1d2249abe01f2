-- Idempotency-Key (IETF httpapi draft) for the POSTs that create: a key belongs to one caller.
-- A request claims its key before it does anything ('in-flight', with a lease after which a
-- claim left by a crash may be taken over); the transaction that creates records the response
-- ('done'), so a create and its key commit together. Only successes are kept: a refused request
-- releases its key and may be retried with it.
create table idempotency_key (
    caller       text not null,
    key          text not null,
    claim        uuid not null,
    state        text not null check (state in ('in-flight', 'done')),
    fingerprint  text,
    status       smallint,
    location     text,
    body         text,
    created      timestamptz not null,
    lease_until  timestamptz not null,
    primary key (caller, key)
);
-- The scheduler removes keys past the replay window.
create index idempotency_key_created on idempotency_key (created);
