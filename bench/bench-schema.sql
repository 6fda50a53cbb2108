-- The benchmark's own bookkeeping, beside the service's tables (schema "bench", not a migration):
-- the outcomes a load script knows in advance, for bench/invariants.sql. What the service itself
-- can check (stock against its receipts, balances, coupons within quota, the outbox) its
-- consistency checks do (bench/invariants.sh runs them). Idempotent.
create schema if not exists bench;

-- Options whose paid quantity must come out exactly (the hot product: its whole stock).
create table if not exists bench.expected_sold (
    option_id bigint primary key,
    quantity  bigint not null,
    reason    text   not null
);

-- Coupons whose issued count must come out exactly (the coupon burst: its whole quota).
create table if not exists bench.expected_issued (
    coupon_id bigint primary key,
    quantity  bigint not null,
    reason    text   not null
);
