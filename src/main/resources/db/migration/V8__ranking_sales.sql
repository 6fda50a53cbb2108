-- Sales statistics for the top-products ranking. Orders append one row per line to
-- ranking_sale in their own transaction (cancellations append negative rows dated on the
-- payment's day), which contends on nothing; a job folds those rows into the daily table.
create table ranking_sale (
    id         bigint generated always as identity primary key,
    sales_date date   not null,
    product_id bigint not null,
    quantity   bigint not null,
    revenue    bigint not null
);

create table product_sales_daily (
    sales_date date   not null,
    product_id bigint not null,
    quantity   bigint not null,
    revenue    bigint not null,
    primary key (sales_date, product_id)
);
