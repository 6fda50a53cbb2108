-- What only the benchmark knows, checked from the database after a load run: the outcomes it
-- expects exactly (bench/bench-schema.sql) and that nothing is left unpublished. Everything the
-- service can check on its own (balances and ledgers, stock against receipts and orders, coupons
-- within quota, used coupons, the outbox against the orders, sales statistics, expiries) is its
-- consistency run, which bench/invariants.sh asks for through the API; the names below follow
-- its check names. Reads only. One row per broken check: check | violations | examples; no rows
-- means every one holds. Run it with bench/invariants.sh, which first waits for the outbox relay.
with
paid as (
    select l.option_id, sum(l.quantity) as quantity
    from order_line l join orders o on o.id = l.order_id
    where o.status = 'PAID'
    group by l.option_id
),
violation (check_name, subject, detail) as (
    -- The hot product sells exactly its stock: no unit more, none left.
    select 'EXPECTED_SALES_MATCH_PAID_ORDERS', 'option ' || e.option_id,
           format('%s sold in PAID orders, expected %s (%s)', coalesce(p.quantity, 0), e.quantity, e.reason)
    from bench.expected_sold e left join paid p using (option_id)
    where coalesce(p.quantity, 0) <> e.quantity
    union all
    -- The coupon burst issues exactly the quota.
    select 'EXPECTED_ISSUES_MATCH_USER_COUPONS', 'coupon ' || e.coupon_id,
           format('%s user coupons, expected %s (%s)', count(u.id), e.quantity, e.reason)
    from bench.expected_issued e left join user_coupon u on u.coupon_id = e.coupon_id
    group by e.coupon_id, e.quantity, e.reason
    having count(u.id) <> e.quantity
    union all
    -- No user holds a coupon twice.
    select 'COUPON_ONE_PER_USER', format('coupon %s, user %s', coupon_id, user_id), count(*) || ' issued'
    from user_coupon group by coupon_id, user_id having count(*) > 1
    union all
    -- The relay kept up: every event is published once the load has stopped.
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
