-- Orders and their lines. An order's status changes only by conditional updates on its current
-- status (PENDING_PAYMENT -> PAID | EXPIRED | CANCELLED, PAID -> CANCELLED).
create table orders (
    id              varchar(40) primary key,
    user_id         bigint      not null,
    status          varchar(20) not null
        check (status in ('PENDING_PAYMENT', 'PAID', 'EXPIRED', 'CANCELLED')),
    total_amount    bigint      not null check (total_amount >= 0),
    discount_amount bigint      not null check (discount_amount >= 0 and discount_amount <= total_amount),
    paid_amount     bigint      not null check (paid_amount = total_amount - discount_amount),
    user_coupon_id  bigint,
    from_cart       boolean     not null,
    created_at      timestamptz not null,
    expires_at      timestamptz,
    paid_at         timestamptz,
    cancelled_at    timestamptz
);

create index idx_orders_user_created on orders (user_id, created_at desc, id desc);
create index idx_orders_pending_expiry on orders (expires_at) where status = 'PENDING_PAYMENT';

create table order_line (
    order_id     varchar(40)  not null references orders (id),
    line_no      integer      not null,
    product_id   bigint       not null,
    option_id    bigint       not null,
    product_name varchar(200) not null,
    option_name  varchar(100) not null,
    unit_price   bigint       not null check (unit_price >= 0),
    quantity     integer      not null check (quantity between 1 and 1000),
    line_amount  bigint       not null,
    primary key (order_id, line_no)
);
