-- The expiry sweep (JdbcOrderRepository.expireDue) under variants of support/persistence/IndexScans:
-- with nothing due, and with only sequential and bitmap scans switched off (sorts allowed).
\set ON_ERROR_STOP on
\pset format unaligned
\pset tuples_only on
\pset footer off
\set sweep_none 'with due as (select id, status from orders where status in (''PENDING_PAYMENT'') and expires_at <= timestamptz ''2026-12-06 00:00:00+00'' order by expires_at limit 200 for update skip locked), o as (update orders e set status = ''EXPIRED'' from due where e.id = due.id returning e.id, e.user_id, due.status, e.total_amount, e.discount_amount, e.user_coupon_id, e.from_cart, e.created_at, e.expires_at, e.paid_at, e.cancelled_at) select o.id, o.user_id, o.status, o.total_amount, o.discount_amount, o.user_coupon_id, o.from_cart, o.created_at, o.expires_at, o.paid_at, o.cancelled_at, l.line_no, l.product_id, l.option_id, l.product_name, l.option_name, l.unit_price, l.quantity from o join order_line l on l.order_id = o.id order by o.id, l.line_no'
\set sweep 'with due as (select id, status from orders where status in (''PENDING_PAYMENT'') and expires_at <= timestamptz ''2026-12-07 00:05:00+00'' order by expires_at limit 200 for update skip locked), o as (update orders e set status = ''EXPIRED'' from due where e.id = due.id returning e.id, e.user_id, due.status, e.total_amount, e.discount_amount, e.user_coupon_id, e.from_cart, e.created_at, e.expires_at, e.paid_at, e.cancelled_at) select o.id, o.user_id, o.status, o.total_amount, o.discount_amount, o.user_coupon_id, o.from_cart, o.created_at, o.expires_at, o.paid_at, o.cancelled_at, l.line_no, l.product_id, l.option_id, l.product_name, l.option_name, l.unit_price, l.quantity from o join order_line l on l.order_id = o.id order by o.id, l.line_no'
\echo '### expiry sweep, nothing due, with IndexScans'
select * from explain.warm(:'sweep_none', explain.index_scans_only());
\echo '### expiry sweep, 200 due, sequential and bitmap scans off, sorts allowed'
select * from explain.warm(:'sweep', $s$ select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true) $s$);
