-- The benchmark's own bookkeeping, beside the service's tables (schema "bench", not a migration):
-- what a load script put in through the API, so bench/invariants.sql can tell what must be left.
-- Any script that creates products or restocks them (bench/run.sh, cluster and fault scripts)
-- records every unit here. Idempotent.
create schema if not exists bench;

-- Every unit of stock put in: the stock a product option was created with, and every restock.
create table if not exists bench.stock_added (
    option_id bigint      not null,
    quantity  bigint      not null,
    reason    text        not null,
    added_at  timestamptz not null default now()
);

-- Options whose paid quantity must come out exactly (the hot product: its whole stock).
create table if not exists bench.expected_sold (
    option_id bigint primary key,
    quantity  bigint not null,
    reason    text   not null
);
