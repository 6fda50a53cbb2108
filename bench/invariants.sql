-- The invariants of the data, checked from the database after a load run. Reads only (no
-- ANALYZE, no VACUUM, no writes). One row per broken check: check | violations | examples;
-- no rows means every invariant holds. Needs the tables of bench/bench-schema.sql, filled by
-- whoever put stock in. Run it with bench/invariants.sh, which first waits for the outbox relay.
--
-- They hold with cancellations and expiries too: a cancelled or expired order counts neither as
-- sold nor as reserved, since cancelling puts paid stock back and releasing frees the reservation.
-- Published outbox rows are purged after commerce.data-platform.retention (7 days): on a
-- database older than that, OUTBOX_EVENTS_MATCH_ORDERS reports orders whose events were purged.
with
ledger as (
    select user_id, sum(amount) as total from balance_transaction group by user_id
),
lines as (
    select l.option_id,
           coalesce(sum(l.quantity) filter (where o.status = 'PAID'), 0)            as paid,
           coalesce(sum(l.quantity) filter (where o.status = 'PENDING_PAYMENT'), 0) as pending
    from order_line l join orders o on o.id = l.order_id
    group by l.option_id
),
added as (
    select option_id, sum(quantity) as quantity from bench.stock_added group by option_id
),
events as (
    select order_id,
           count(*) filter (where event_type = 'ORDER_PAID')      as paid,
           count(*) filter (where event_type = 'ORDER_CANCELLED') as cancelled
    from data_platform_outbox
    group by order_id
),
violation (check_name, subject, detail) as (
    -- A balance is the sum of its ledger, at every moment.
    select 'BALANCE_EQUALS_LEDGER', 'user ' || user_id,
           format('balance %s, ledger sum %s', coalesce(b.balance, 0), coalesce(l.total, 0))
    from user_balance b full join ledger l using (user_id)
    where coalesce(b.balance, 0) <> coalesce(l.total, 0)
    union all
    select 'BALANCE_NOT_NEGATIVE', 'user ' || user_id, format('balance %s', balance)
    from user_balance where balance < 0
    union all
    select 'BALANCE_NOT_NEGATIVE', 'ledger row ' || id, format('balance after %s', balance_after)
    from balance_transaction where balance_after < 0
    union all
    -- Stock: what is left plus what paid orders hold is what was put in; reserved is what
    -- pending orders hold.
    select 'STOCK_MATCHES_ORDERS', 'option ' || option_id,
           case when a.quantity is null then 'no stock recorded for it in bench.stock_added'
                else format('total %s + sold in PAID orders %s = %s, but %s were put in',
                            s.total, coalesce(l.paid, 0), s.total + coalesce(l.paid, 0), a.quantity) end
    from option_stock s left join lines l using (option_id) left join added a using (option_id)
    where a.quantity is null or s.total + coalesce(l.paid, 0) <> a.quantity
    union all
    select 'STOCK_MATCHES_ORDERS', 'option ' || a.option_id, 'stock recorded but no such option'
    from added a where not exists (select 1 from option_stock s where s.option_id = a.option_id)
    union all
    select 'RESERVED_MATCHES_PENDING', 'option ' || option_id,
           format('reserved %s, in PENDING_PAYMENT orders %s', s.reserved, coalesce(l.pending, 0))
    from option_stock s left join lines l using (option_id)
    where s.reserved <> coalesce(l.pending, 0)
    union all
    select 'STOCK_NOT_NEGATIVE', 'option ' || option_id, format('total %s, reserved %s', total, reserved)
    from option_stock where total < 0 or reserved < 0 or reserved > total
    union all
    -- Options whose sales must come out exactly (the hot product sells its whole stock).
    select 'EXPECTED_SALES', 'option ' || e.option_id,
           format('%s sold in PAID orders, expected %s (%s)', coalesce(l.paid, 0), e.quantity, e.reason)
    from bench.expected_sold e left join lines l using (option_id)
    where coalesce(l.paid, 0) <> e.quantity
    union all
    -- Coupons: the quota is never exceeded and matches the coupons issued; one per user.
    select 'COUPON_QUOTA', 'coupon ' || c.id,
           format('issued_quantity %s, user coupons %s, total_quantity %s',
                  c.issued_quantity, count(u.id), c.total_quantity)
    from coupon c left join user_coupon u on u.coupon_id = c.id
    group by c.id
    having c.issued_quantity > c.total_quantity or count(u.id) <> c.issued_quantity
    union all
    select 'COUPON_ONE_PER_USER', format('coupon %s, user %s', coupon_id, user_id), count(*) || ' issued'
    from user_coupon group by coupon_id, user_id having count(*) > 1
    union all
    -- The data-platform feed: every payment has exactly one ORDER_PAID event, every cancellation
    -- of a paid order one ORDER_CANCELLED event, and nothing else has any.
    select 'OUTBOX_EVENTS_MATCH_ORDERS', 'order ' || coalesce(o.id, e.order_id),
           format('status %s, %s ORDER_PAID and %s ORDER_CANCELLED events',
                  coalesce(o.status, 'missing'), coalesce(e.paid, 0), coalesce(e.cancelled, 0))
    from orders o full join events e on e.order_id = o.id
    where coalesce(e.paid, 0) <> (case when o.paid_at is not null then 1 else 0 end)
       or coalesce(e.cancelled, 0) <> (case when o.status = 'CANCELLED' and o.paid_at is not null then 1 else 0 end)
    union all
    select 'OUTBOX_ALL_PUBLISHED', 'data_platform_outbox',
           format('%s of %s events unpublished, oldest created %s', count(*) filter (where published_at is null),
                  count(*), min(created_at) filter (where published_at is null))
    from data_platform_outbox
    having count(*) filter (where published_at is null) > 0
)
select check_name, count(*) as violations,
       string_agg(subject || ': ' || detail, '; ' order by subject) filter (where rank <= 5) as examples
from (select *, row_number() over (partition by check_name order by subject) as rank from violation) v
group by check_name
order by check_name;
