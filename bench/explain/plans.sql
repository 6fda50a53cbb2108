-- EXPLAIN (ANALYZE, BUFFERS) of every hot statement of the service, as its repository sends it
-- (parameters written in as literals), "after" = with the indexes and settings the service has,
-- "before" = without the index or setting that serves it (dropped inside a rolled-back
-- subtransaction, see warm.sql). Run by bench/explain/run.sh once with the statistics of empty
-- tables and once after ANALYZE. "Now" is 2026-12-07 00:00 UTC, the end of seed.sql's data.
\set ON_ERROR_STOP on
\pset format unaligned
\pset tuples_only on
\pset footer off

\echo '### balance read (JdbcBalanceRepository.balanceOf) / after'
select * from explain.warm($q$ select balance from user_balance where user_id = 4242 $q$);
\echo '### balance read / before: no primary key on user_balance'
select * from explain.warm($q$ select balance from user_balance where user_id = 4242 $q$,
                           $s$ alter table user_balance drop constraint user_balance_pkey $s$);

\set charge 'with credited as (insert into user_balance as b (user_id, balance, updated_at) values (4242, 10000, timestamptz ''2026-12-07 00:00+00'') on conflict (user_id) do update set balance = b.balance + excluded.balance, updated_at = excluded.updated_at where b.balance <= 10000000 - excluded.balance returning balance) insert into balance_transaction (user_id, type, amount, balance_after, order_id, created_at) select 4242, ''CHARGE'', 10000, balance, null, timestamptz ''2026-12-07 00:00+00'' from credited returning id, balance_after'
\echo '### charge (JdbcBalanceRepository.credit) / after'
select * from explain.warm(:'charge');
\echo '### charge / before: no primary key on user_balance'
select * from explain.warm(:'charge', $s$ alter table user_balance drop constraint user_balance_pkey $s$);

\set ledger 'select id, user_id, type, amount, balance_after, order_id, created_at from balance_transaction where user_id = 4242 order by id desc offset 0 limit 20'
\set ledger_count 'select count(*) from balance_transaction where user_id = 4242'
\echo '### ledger page (JdbcBalanceRepository.transactions) / after'
select * from explain.warm(:'ledger');
\echo '### ledger count (JdbcBalanceRepository.countTransactions) / after'
select * from explain.warm(:'ledger_count');
\echo '### ledger page / before: no idx_balance_transaction_user'
select * from explain.warm(:'ledger', $s$ drop index idx_balance_transaction_user $s$);
\echo '### ledger count / before: no idx_balance_transaction_user'
select * from explain.warm(:'ledger_count', $s$ drop index idx_balance_transaction_user $s$);

\set live 'select ''p'' as kind, id, version, 0 as total, 0 as reserved from product where id = any(cast(''{43}'' as bigint[])) union all select ''s'', option_id, 0, total, reserved from option_stock where option_id = any(cast(''{169,170,171,172}'' as bigint[]))'
\echo '### product detail live-stock read (JdbcProductRepository.liveState) / after'
select * from explain.warm(:'live');
\echo '### live-stock read / before: no primary keys on product and option_stock'
select * from explain.warm(:'live', $s$ alter table option_stock drop constraint option_stock_pkey;
                                        alter table product drop constraint product_pkey cascade $s$);

\set page0 'with p as (select id, name, price, version from product order by id offset 0 limit 20) select p.id, p.name, p.price, p.version, o.id as option_id, o.name as option_name, o.additional_price, s.total, s.reserved from p join product_option o on o.product_id = p.id join option_stock s on s.option_id = o.id order by p.id, o.id'
\set page49 'with p as (select id, name, price, version from product order by id offset 980 limit 20) select p.id, p.name, p.price, p.version, o.id as option_id, o.name as option_name, o.additional_price, s.total, s.reserved from p join product_option o on o.product_id = p.id join option_stock s on s.option_id = o.id order by p.id, o.id'
\echo '### product page 0 (JdbcProductRepository.page) / after'
select * from explain.warm(:'page0');
\echo '### product page 49 (offset 980) / after'
select * from explain.warm(:'page49');
\echo '### product page 0 / before: no uq_product_option_name (product_id, name)'
select * from explain.warm(:'page0', $s$ alter table product_option drop constraint uq_product_option_name $s$);

\set cart 'select product_id, option_id, quantity from cart_item where user_id = 4243 order by updated_at, option_id'
\echo '### cart read (JdbcCartRepository.items) / after'
select * from explain.warm(:'cart');
\echo '### cart read / before: no primary key on cart_item'
select * from explain.warm(:'cart', $s$ alter table cart_item drop constraint cart_item_pkey $s$);

\set orders_page 'with page as (select id, created_at from orders where user_id = 4242 order by created_at desc, id desc offset 0 limit 20) select o.id, o.user_id, o.status, o.total_amount, o.discount_amount, o.user_coupon_id, o.from_cart, o.created_at, o.expires_at, o.paid_at, o.cancelled_at, l.line_no, l.product_id, l.option_id, l.product_name, l.option_name, l.unit_price, l.quantity from page p join orders o on o.id = p.id join order_line l on l.order_id = o.id order by p.created_at desc, p.id desc, l.line_no'
\set orders_count 'select count(*) from orders where user_id = 4242'
\echo '### user order page (JdbcOrderRepository.findByUser) / after'
select * from explain.warm(:'orders_page');
\echo '### user order count (JdbcOrderRepository.countByUser) / after'
select * from explain.warm(:'orders_count');
\echo '### user order page / before: no idx_orders_user_created'
select * from explain.warm(:'orders_page', $s$ drop index idx_orders_user_created $s$);
\echo '### user order count / before: no idx_orders_user_created'
select * from explain.warm(:'orders_count', $s$ drop index idx_orders_user_created $s$);

\set reserve 'with requested as (select * from unnest(cast(''{169,1178}'' as bigint[]), cast(''{1,1}'' as bigint[])) as r(option_id, quantity)), locked as (select option_id from option_stock where option_id = any(cast(''{169,1178}'' as bigint[])) order by option_id for update) update option_stock s set reserved = s.reserved + r.quantity from requested r, locked l where s.option_id = r.option_id and l.option_id = r.option_id and s.total - s.reserved >= r.quantity returning s.option_id'
\echo '### reserve stock (JdbcStockRepository.apply RESERVE; RELEASE differs only in SET and WHERE) / after'
select * from explain.warm(:'reserve');
\echo '### reserve stock / before: no primary key on option_stock'
select * from explain.warm(:'reserve', $s$ alter table option_stock drop constraint option_stock_pkey $s$);

\set issue 'with taken as (update coupon set issued_quantity = issued_quantity + 1 where id = 5 and issued_quantity < total_quantity and (issue_starts_at is null or issue_starts_at <= timestamptz ''2026-12-07 00:00+00'') and (issue_ends_at is null or issue_ends_at > timestamptz ''2026-12-07 00:00+00'') returning id, name, discount_type, discount_value, max_discount_amount, min_order_amount, valid_days), issued as (insert into user_coupon (coupon_id, user_id, issued_at, expires_at) select id, 4242, timestamptz ''2026-12-07 00:00+00'', timestamptz ''2026-12-07 00:00+00'' + interval ''24 hours'' * valid_days from taken returning id, coupon_id, user_id, issued_at, expires_at, used_at, order_id) select uc.id, uc.coupon_id, uc.user_id, uc.issued_at, uc.expires_at, uc.used_at, uc.order_id, c.name, c.discount_type, c.discount_value, c.max_discount_amount, c.min_order_amount from issued uc cross join taken c'
\set why_not 'select (issue_starts_at is null or issue_starts_at <= timestamptz ''2026-12-07 00:00+00'') and (issue_ends_at is null or issue_ends_at > timestamptz ''2026-12-07 00:00+00'') as open, exists (select 1 from user_coupon where coupon_id = c.id and user_id = 4242) as held, issued_quantity >= total_quantity as sold_out from coupon c where id = 5'
\echo '### coupon issue (JdbcCouponRepository.issue) / after'
select * from explain.warm(:'issue');
\echo '### coupon refusal reason (JdbcCouponRepository.whyNotIssued) / after'
select * from explain.warm(:'why_not');
\echo '### coupon issue / before: no uq_user_coupon_coupon_user'
select * from explain.warm(:'issue', $s$ alter table user_coupon drop constraint uq_user_coupon_coupon_user $s$);
\echo '### coupon refusal reason / before: no uq_user_coupon_coupon_user'
select * from explain.warm(:'why_not', $s$ alter table user_coupon drop constraint uq_user_coupon_coupon_user $s$);

\set claim 'update data_platform_outbox o set claimed_until = timestamptz ''2026-12-07 00:00:30+00'', attempts = o.attempts + 1 where o.id in (select c.id from data_platform_outbox c where c.published_at is null and (c.claimed_until is null or c.claimed_until < timestamptz ''2026-12-07 00:00+00'') and c.id = (select min(first.id) from data_platform_outbox first where first.order_id = c.order_id and first.published_at is null) order by c.id limit 100 for update skip locked) returning o.id, o.event_id, o.event_type, o.order_id, o.payload'
\echo '### outbox claim (JdbcOutboxRepository.CLAIM) / after: with IndexScans'
select * from explain.warm(:'claim', explain.index_scans_only());
\echo '### outbox claim / without IndexScans, indexes kept'
select * from explain.warm(:'claim');
\echo '### outbox claim / before: no partial indexes on unpublished rows, no IndexScans'
select * from explain.warm(:'claim', $s$ drop index idx_data_platform_outbox_unpublished;
                                         drop index idx_data_platform_outbox_unpublished_order $s$);

select array_agg(event_id order by id)::text as claimed_events
  from (select id, event_id from data_platform_outbox where published_at is null order by id limit 100) x \gset
\set mark 'update data_platform_outbox set published_at = timestamptz ''2026-12-07 00:00:01+00'', claimed_until = null where event_id = any(cast(' :'claimed_events' ' as uuid[])) and published_at is null'
\echo '### outbox mark published (JdbcOutboxRepository.markPublished, 100 events) / after: with IndexScans'
select * from explain.warm(:'mark', explain.index_scans_only());
\echo '### outbox mark / before: no unique index on event_id, no IndexScans'
select * from explain.warm(:'mark', $s$ alter table data_platform_outbox drop constraint data_platform_outbox_event_id_key $s$);

\set backlog 'select count(*) as unpublished, (select created_at from data_platform_outbox where published_at is null order by id limit 1) as oldest_created_at from data_platform_outbox where published_at is null'
\echo '### outbox backlog (JdbcOutboxRepository.backlog) / after: with IndexScans'
select * from explain.warm(:'backlog', explain.index_scans_only());
\echo '### outbox backlog / before: no idx_data_platform_outbox_unpublished, no IndexScans'
select * from explain.warm(:'backlog', $s$ drop index idx_data_platform_outbox_unpublished $s$);

select created_at as purge_cutoff from data_platform_outbox order by id offset 3000 limit 1 \gset
\set purge 'delete from data_platform_outbox where id in (select id from data_platform_outbox where published_at < timestamptz ' :'purge_cutoff' ' limit 1000 for update skip locked)'
\echo '### outbox purge (JdbcOutboxRepository.deletePublishedBefore, 1,000 of about 3,000 due) / after: with IndexScans'
select * from explain.warm(:'purge', explain.index_scans_only());
\echo '### outbox purge / before: no idx_data_platform_outbox_published_at, no IndexScans'
select * from explain.warm(:'purge', $s$ drop index idx_data_platform_outbox_published_at $s$);

\set sweep 'with due as (select id, status from orders where status in (''PENDING_PAYMENT'') and expires_at <= timestamptz ''2026-12-07 00:05:00+00'' order by expires_at limit 200 for update skip locked), o as (update orders e set status = ''EXPIRED'' from due where e.id = due.id returning e.id, e.user_id, due.status, e.total_amount, e.discount_amount, e.user_coupon_id, e.from_cart, e.created_at, e.expires_at, e.paid_at, e.cancelled_at) select o.id, o.user_id, o.status, o.total_amount, o.discount_amount, o.user_coupon_id, o.from_cart, o.created_at, o.expires_at, o.paid_at, o.cancelled_at, l.line_no, l.product_id, l.option_id, l.product_name, l.option_name, l.unit_price, l.quantity from o join order_line l on l.order_id = o.id order by o.id, l.line_no'
\echo '### expiry sweep (JdbcOrderRepository.expireDue, 200 of 2,500 due) / after: with IndexScans'
select * from explain.warm(:'sweep', explain.index_scans_only());
\echo '### expiry sweep / without IndexScans, index kept'
select * from explain.warm(:'sweep');
\echo '### expiry sweep / before: no idx_orders_pending_expiry, no IndexScans'
select * from explain.warm(:'sweep', $s$ drop index idx_orders_pending_expiry $s$);

\set fold 'with moved as (delete from ranking_sale where id in (select id from ranking_sale order by id limit 5000 for update skip locked) returning sales_date, product_id, quantity, revenue), totals as (insert into product_sales_daily as d (sales_date, product_id, quantity, revenue) select sales_date, product_id, sum(quantity), sum(revenue) from moved group by sales_date, product_id order by sales_date, product_id on conflict (sales_date, product_id) do update set quantity = d.quantity + excluded.quantity, revenue = d.revenue + excluded.revenue) select count(*) from moved'
\echo '### sales fold (JdbcSalesRepository.foldIntoDailyTotals, 5,000 rows) / after'
select * from explain.warm(:'fold');
\echo '### sales fold / before: no primary key on ranking_sale'
select * from explain.warm(:'fold', $s$ alter table ranking_sale drop constraint ranking_sale_pkey $s$);

\set top 'select product_id, sum(quantity) as quantity, sum(revenue) as revenue from product_sales_daily where sales_date between date ''2026-12-05'' and date ''2026-12-07'' group by product_id having sum(quantity) > 0 order by quantity desc, revenue desc, product_id limit 5'
\echo '### top products (JdbcSalesRepository.top, 3 days) / after'
select * from explain.warm(:'top');
\echo '### top products / before: no primary key on product_sales_daily'
select * from explain.warm(:'top', $s$ alter table product_sales_daily drop constraint product_sales_daily_pkey $s$);

\set idem 'select request_method, request_path, request_body, response_status, response_content_type, response_body from idempotency_record where user_id = 14 and idempotency_key = ''5b401cfb3f17a5cf8239cd6afddb1a3b'' and expires_at > timestamptz ''2026-12-07 00:00+00'''
\set idem_purge 'delete from idempotency_record where ctid in (select ctid from idempotency_record where expires_at <= timestamptz ''2026-12-07 00:00+00'' limit 1000)'
\echo '### idempotency lookup (IdempotencyRecordRepository.find) / after'
select * from explain.warm(:'idem');
\echo '### idempotency lookup / before: no primary key on idempotency_record'
select * from explain.warm(:'idem', $s$ alter table idempotency_record drop constraint idempotency_record_pkey $s$);
\echo '### idempotency purge (IdempotencyRecordRepository.deleteExpired, 1,000 of 100,000 due) / after'
select * from explain.warm(:'idem_purge');
\echo '### idempotency purge / before: no idx_idempotency_record_expires_at'
select * from explain.warm(:'idem_purge', $s$ drop index idx_idempotency_record_expires_at $s$);
