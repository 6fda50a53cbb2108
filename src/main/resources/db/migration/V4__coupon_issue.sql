-- First-come coupons. coupon.issued_quantity is the quota's truth: it only ever changes in the
-- statement that inserts the user_coupon row, under "issued_quantity < total_quantity", and the
-- unique index on (coupon_id, user_id) keeps one coupon per user. Redis only gates the flood.
create table coupon (
    id                  bigint generated always as identity primary key,
    name                varchar(100) not null check (length(btrim(name)) > 0),
    discount_type       varchar(10)  not null check (discount_type in ('FIXED', 'PERCENT')),
    discount_value      bigint       not null check (discount_value >= 1),
    max_discount_amount bigint                check (max_discount_amount >= 0),
    min_order_amount    bigint       not null default 0 check (min_order_amount >= 0),
    total_quantity      integer      not null check (total_quantity >= 1),
    issued_quantity     integer      not null default 0,
    valid_days          integer      not null check (valid_days between 1 and 365),
    issue_starts_at     timestamptz,
    issue_ends_at       timestamptz,
    created_at          timestamptz  not null,
    check (issued_quantity between 0 and total_quantity),
    check (discount_type <> 'PERCENT' or discount_value <= 100),
    check (issue_starts_at is null or issue_ends_at is null or issue_ends_at > issue_starts_at)
);

-- A coupon issued to a user. Its status is computed from the clock: USED when used_at is set,
-- otherwise EXPIRED from expires_at on, otherwise AVAILABLE.
create table user_coupon (
    id         bigint generated always as identity primary key,
    coupon_id  bigint      not null references coupon (id),
    user_id    bigint      not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    order_id   varchar(40),
    constraint uq_user_coupon_coupon_user unique (coupon_id, user_id),
    check (expires_at > issued_at),
    check ((used_at is null) = (order_id is null))
);

create index idx_user_coupon_user on user_coupon (user_id, id desc);
create index idx_user_coupon_order on user_coupon (order_id) where order_id is not null;
