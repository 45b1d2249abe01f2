-- App events (CloudEvents) as a transactional outbox: an event row is written in the transaction
-- of the change it announces, so it exists exactly when the change committed. The body is the
-- CloudEvent as delivered (structured JSON), kept as text so that every retry sends, and signs,
-- the same bytes. instance_id orders delivery per instance; it is null for a subscription's
-- validation ping. No foreign key to instance: events outlive the instance (deletion, purge).
create table app_event (
    seq         bigint generated always as identity primary key,
    id          uuid        not null unique,
    instance_id uuid,
    type        text        not null,
    body        text        not null,
    created     timestamptz not null
);
create index app_event_created on app_event (created);

-- Subscriptions of the app owner (Altinn Events' shape). The secret signs deliveries (Standard
-- Webhooks); it has to be kept in the clear to compute the HMAC.
create table event_subscription (
    id             bigint generated always as identity primary key,
    end_point      text        not null,
    type_filter    text,
    subject_filter text,
    source_filter  text,
    secret         text        not null,
    created_by     text        not null,
    created        timestamptz not null
);

-- One delivery per (event, matching subscription), so one slow receiver holds no other back.
-- state: pending (due at next_attempt_at, which a worker's claim moves past its lease),
-- delivered, given_up (still failing after app.events.max-age).
create table event_delivery (
    id              bigint generated always as identity primary key,
    event_seq       bigint      not null references app_event (seq) on delete cascade,
    subscription_id bigint      not null references event_subscription (id) on delete cascade,
    order_key       uuid,
    state           text        not null default 'pending',
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_attempt_at timestamptz,
    last_status     int,
    last_error      text,
    delivered_at    timestamptz,
    created         timestamptz not null,
    constraint event_delivery_state check (state in ('pending', 'delivered', 'given_up'))
);
create index event_delivery_due on event_delivery (next_attempt_at) where state = 'pending';
create index event_delivery_in_order on event_delivery (subscription_id, order_key, event_seq)
    where state = 'pending';
create index event_delivery_by_subscription on event_delivery (subscription_id, id);
create index event_delivery_by_event on event_delivery (event_seq);
