-- A user's cart: one row per option, holding the quantity the user set.
create table cart_item (
    user_id    bigint      not null,
    option_id  bigint      not null,
    product_id bigint      not null,
    quantity   integer     not null check (quantity between 1 and 1000),
    updated_at timestamptz not null,
    primary key (user_id, option_id)
);
