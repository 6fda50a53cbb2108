-- A realistic data set for bench/explain/plans.sql, on a freshly migrated, empty database.
-- Everything is generated (generate_series), deterministic, and dated before 2026-12-07 00:00 UTC
-- (the "now" of plans.sql):
--   1,000 products x 4 options (4,000 stock rows); 100,000 users with a balance;
--   1,000,000 orders over 30 days (2,000,000 lines; 94 % paid, 1 % cancelled, 5 % expired) and
--   5,000 pending orders placed in the last 10 minutes; a ledger row per payment and two charges
--   per user (1,150,000 rows); a 100,000-row outbox (the newest events) whose last 1,000 are
--   unpublished; 100 coupons with 2,000 holders each; 150,000 cart rows; 200,000 idempotency
--   records (half expired); 31 days of daily sales, 5,000 sale rows waiting for the fold behind
--   100,000 already folded (deleted, never vacuumed).
\set ON_ERROR_STOP on
\timing on

create temp table seed_now as select timestamptz '2026-12-07 00:00:00+00' as t0;

insert into product (id, name, price, created_at)
select p, 'Product ' || p, 1000 * (1 + p % 50), (select t0 from seed_now) - interval '60 days'
  from generate_series(1, 1000) p;
insert into product_option (id, product_id, name, additional_price)
select o, (o - 1) / 4 + 1, 'Option ' || ((o - 1) % 4 + 1), ((o - 1) % 4) * 500
  from generate_series(1, 4000) o;
insert into option_stock (option_id, total, reserved)
select o, 1000000, 0 from generate_series(1, 4000) o;
select setval(pg_get_serial_sequence('product', 'id'), 1000), setval(pg_get_serial_sequence('product_option', 'id'), 4000);

insert into user_balance (user_id, balance, updated_at)
select u, 1000000 + u % 1000, (select t0 from seed_now) - interval '1 hour' from generate_series(1, 100000) u;

-- Orders: i = 1..1,000,000 spread evenly over the 30 days before t0, then 5,000 pending ones in
-- the last 10 minutes. Ids are time-ordered UUID-shaped strings, like OrderIds.next.
create temp table seed_orders as
select i,
       1 + (i::bigint * 7919) % 100000 as user_id,
       case when i <= 1000000 and i % 100 = 0 then 'CANCELLED'
            when i <= 1000000 and i % 20 = 1 then 'EXPIRED'
            when i > 1000000 then 'PENDING_PAYMENT'
            else 'PAID' end as status,
       case when i <= 1000000 then (select t0 from seed_now) - interval '30 days' + (interval '30 days' / 1000000) * i
            else (select t0 from seed_now) - interval '10 minutes' + (interval '10 minutes' / 5000) * (i - 1000000)
       end as created_at,
       1 + i % 3 as n_lines
  from generate_series(1, 1005000) i;
alter table seed_orders add column id varchar(40);
update seed_orders set id = (select substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(m, 1, 3) || '-8'
                                    || substr(m, 4, 3) || '-' || substr(m, 7, 12)
                               from (select lpad(to_hex((extract(epoch from created_at) * 1000)::bigint), 12, '0') as h,
                                            md5(i::text) as m) x);
create temp table seed_lines as
select s.id as order_id, l as line_no, (1 + (s.i::bigint * 31 + l * 977) % 4000) as option_id, 1 + (s.i + l) % 2 as quantity
  from seed_orders s, generate_series(1, s.n_lines) l;
create temp table seed_totals as
select l.order_id, sum((p.price + o.additional_price) * l.quantity) as total
  from seed_lines l join product_option o on o.id = l.option_id join product p on p.id = o.product_id
 group by l.order_id;

insert into orders (id, user_id, status, total_amount, discount_amount, paid_amount, user_coupon_id, from_cart,
                    created_at, expires_at, paid_at, cancelled_at)
select s.id, s.user_id, s.status, t.total, 0, t.total, null, s.i % 4 = 0, s.created_at,
       case when s.status in ('EXPIRED', 'PENDING_PAYMENT') then s.created_at + interval '10 minutes' end,
       case when s.status in ('PAID', 'CANCELLED') then s.created_at end,
       case when s.status = 'CANCELLED' then s.created_at + interval '1 hour' end
  from seed_orders s join seed_totals t on t.order_id = s.id
 order by s.i;
insert into order_line (order_id, line_no, product_id, option_id, product_name, option_name, unit_price, quantity,
                        line_amount)
select l.order_id, l.line_no, o.product_id, o.id, p.name, o.name, p.price + o.additional_price, l.quantity,
       (p.price + o.additional_price) * l.quantity
  from seed_lines l join product_option o on o.id = l.option_id join product p on p.id = o.product_id
 order by l.order_id, l.line_no;

-- The pending orders' lines are reserved stock.
update option_stock s set reserved = r.quantity
  from (select l.option_id, sum(l.quantity) as quantity
          from order_line l join orders o on o.id = l.order_id
         where o.status = 'PENDING_PAYMENT' group by l.option_id) r
 where s.option_id = r.option_id;

-- The ledger in time order: two charges per user in the first days, a payment per paid or
-- cancelled order, a refund per cancellation.
insert into balance_transaction (user_id, type, amount, balance_after, order_id, created_at)
select user_id, type, amount, 1000000, order_id, at from (
    select u as user_id, 'CHARGE' as type, 500000 as amount, null::varchar as order_id,
           (select t0 from seed_now) - interval '31 days' + interval '1 second' * (u * 2 + c) as at
      from generate_series(1, 100000) u, generate_series(0, 1) c
    union all
    select o.user_id, 'PAYMENT', -o.paid_amount, o.id, o.paid_at from orders o where o.paid_at is not null
    union all
    select o.user_id, 'REFUND', o.paid_amount, o.id, o.cancelled_at from orders o where o.cancelled_at is not null
) x order by at;

-- The outbox: events of the newest 100,000 paid or cancelled orders (about three days); all
-- published but the last 1,000, of which the first 100 are claimed by a relay.
insert into data_platform_outbox (event_id, event_type, order_id, payload, created_at, claimed_until, attempts,
                                  published_at)
select md5('event' || e.n)::uuid, e.type, e.order_id, json_build_object('orderId', e.order_id, 'type', e.type),
       e.at, null, 1, e.at + interval '1 second'
  from (select row_number() over (order by at, type desc) as n, * from (
            select id as order_id, 'ORDER_PAID' as type, paid_at as at from orders where paid_at is not null
            union all
            select id, 'ORDER_CANCELLED', cancelled_at from orders where cancelled_at is not null) ev
         order by at desc, type limit 100000) e
 order by e.at, e.type desc;
update data_platform_outbox set published_at = null, claimed_until = null, attempts = 0
 where id > (select max(id) - 1000 from data_platform_outbox);
update data_platform_outbox set claimed_until = (select t0 from seed_now) + interval '30 seconds', attempts = 1
 where id in (select id from data_platform_outbox where published_at is null order by id limit 100);

insert into coupon (name, discount_type, discount_value, max_discount_amount, min_order_amount, total_quantity,
                    issued_quantity, valid_days, issue_starts_at, issue_ends_at, created_at)
select 'Coupon ' || c, 'FIXED', 1000, null, 5000, 10000, 2000, 30, null, null,
       (select t0 from seed_now) - interval '20 days'
  from generate_series(1, 100) c;
insert into user_coupon (coupon_id, user_id, issued_at, expires_at, used_at, order_id)
select c, 1 + (c * 977 + k * 50) % 100000, t.issued, t.issued + interval '30 days',
       case when k % 10 < 3 then t.issued + interval '1 day' end,
       case when k % 10 < 3 then 'used-' || c || '-' || k end
  from generate_series(1, 100) c, generate_series(0, 1999) k,
       lateral (select (select t0 from seed_now) - interval '20 days' + interval '1 minute' * k as issued) t
 order by t.issued, c;

insert into cart_item (user_id, option_id, product_id, quantity, updated_at)
select u, o, (o - 1) / 4 + 1, 1, (select t0 from seed_now) - interval '1 hour'
  from generate_series(1, 100000, 2) u,
       lateral (select distinct 1 + (u * 13 + k * 1009) % 4000 as o from generate_series(0, 2) k) x;

insert into idempotency_record (user_id, idempotency_key, request_method, request_path, request_body,
                                response_status, response_content_type, response_body, created_at, expires_at)
select 1 + (r * 13) % 100000, md5('key' || r), 'POST', '/api/v1/orders', '{"lines":[{"optionId":1,"quantity":1}]}',
       201, 'application/json', repeat('{"orderId":"x","status":"PAID"}', 8),
       t.at, t.at + interval '24 hours'
  from generate_series(1, 200000) r,
       lateral (select (select t0 from seed_now) - interval '48 hours' + interval '48 hours' / 200000 * r as at) t
 order by t.at;

insert into product_sales_daily (sales_date, product_id, quantity, revenue)
select d, p, 10 + (p * 7 + extract(day from d)::int) % 90, 1000 * (10 + (p * 7 + extract(day from d)::int) % 90)
  from generate_series(date '2026-11-06', date '2026-12-06', interval '1 day') d, generate_series(1, 1000) p;
-- 100,000 sale rows already folded (deleted, left as dead rows: nothing vacuums), then 5,000 waiting.
insert into ranking_sale (sales_date, product_id, quantity, revenue)
select date '2026-12-06', 1 + s % 1000, 1, 1000 from generate_series(1, 105000) s;
delete from ranking_sale where id <= 100000;

drop table seed_orders, seed_lines, seed_totals, seed_now;
checkpoint;
