-- The data-platform feed's transactional outbox: one row per ORDER_PAID or ORDER_CANCELLED event,
-- inserted in the transaction of the payment or cancellation, published to Kafka by the relay after
-- commit. A relay claims rows by setting claimed_until (a short lease), marks them published once
-- Kafka has acknowledged them, and published rows are deleted after the retention period.
create table data_platform_outbox (
    id            bigint generated always as identity primary key,
    event_id      uuid        not null unique,
    event_type    varchar(20) not null check (event_type in ('ORDER_PAID', 'ORDER_CANCELLED')),
    order_id      varchar(40) not null,
    payload       json        not null,
    created_at    timestamptz not null,
    claimed_until timestamptz,
    attempts      integer     not null default 0,
    published_at  timestamptz
);

-- The relay's queue, in id order, and its "no older unpublished event of the same order" check.
create index idx_data_platform_outbox_unpublished on data_platform_outbox (id)
    where published_at is null;
create index idx_data_platform_outbox_unpublished_order on data_platform_outbox (order_id, id)
    where published_at is null;
-- The purge of published rows past their retention.
create index idx_data_platform_outbox_published_at on data_platform_outbox (published_at)
    where published_at is not null;
