-- The coupon's part of a payment, for any number of orders at once (one element per order; an
-- order without a coupon has a null user coupon id).

-- "Coupon usable": the one SQL text of the rule, also used by JdbcUserCouponRepository. Java's
-- UserCoupon.isUsableFor is held to the same cases by CouponUsableRuleIntegrationTest.
create or replace function coupon_usable(
    p_owner_id         bigint,
    p_used_at          timestamptz,
    p_expires_at       timestamptz,
    p_min_order_amount bigint,
    p_user_id          bigint,
    p_order_total      bigint,
    p_now              timestamptz)
returns boolean
language sql immutable as $$
    select p_owner_id = p_user_id and p_used_at is null and p_expires_at > p_now
           and p_min_order_amount <= p_order_total
$$;

-- Locks the orders' user coupons in ascending id and answers the orders whose coupon is not
-- usable (not the user's, used, expired, or above the order's total).
create or replace function coupon_unusable_orders(
    p_order_nos       integer[],
    p_user_ids        bigint[],
    p_user_coupon_ids bigint[],
    p_order_totals    bigint[],
    p_now             timestamptz)
returns setof integer
language plpgsql as $$
begin
    return query
        with locked as materialized (
            select uc.id, uc.user_id, uc.used_at, uc.expires_at, uc.coupon_id from user_coupon uc
             where uc.id = any(p_user_coupon_ids)
             order by uc.id
               for update
        )
        select r.order_no
          from unnest(p_order_nos, p_user_ids, p_user_coupon_ids, p_order_totals)
               as r(order_no, user_id, user_coupon_id, order_total)
          left join locked uc on uc.id = r.user_coupon_id
          left join coupon c on c.id = uc.coupon_id
         where r.user_coupon_id is not null
           and not coalesce(coupon_usable(uc.user_id, uc.used_at, uc.expires_at, c.min_order_amount, r.user_id,
                                          r.order_total, p_now), false);
end
$$;

-- Marks the user coupons used by their orders.
create or replace function coupon_use(p_user_coupon_ids bigint[], p_order_ids varchar[], p_now timestamptz)
returns void
language plpgsql as $$
begin
    update user_coupon uc set used_at = p_now, order_id = u.order_id
      from unnest(p_user_coupon_ids, p_order_ids) as u(user_coupon_id, order_id)
     where uc.id = u.user_coupon_id;
end
$$;
