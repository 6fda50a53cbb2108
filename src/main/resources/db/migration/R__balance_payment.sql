-- The balance's part of a payment, for any number of orders at once (one element per order).

-- Locks the paying users' balances in ascending user id and answers the orders whose amount is
-- more than the user holds. An amount of zero needs no balance and takes no lock.
create or replace function balance_short_orders(p_order_nos integer[], p_user_ids bigint[], p_amounts bigint[])
returns setof integer
language plpgsql as $$
begin
    return query
        with locked as materialized (
            select b.user_id, b.balance from user_balance b
             where b.user_id in (select u.user_id from unnest(p_user_ids, p_amounts) as u(user_id, amount)
                                  where u.amount > 0)
             order by b.user_id
               for update
        )
        select r.order_no
          from unnest(p_order_nos, p_user_ids, p_amounts) as r(order_no, user_id, amount)
          left join locked b on b.user_id = r.user_id
         where r.amount > 0 and (b.balance is null or b.balance < r.amount);
end
$$;

-- Debits each order's amount with its PAYMENT ledger row; a user's debits apply in array order,
-- each ledger row holding the balance right after it, so balance = sum(amount) stays true.
create or replace function balance_pay(p_user_ids bigint[], p_amounts bigint[], p_order_ids varchar[], p_now timestamptz)
returns void
language plpgsql as $$
begin
    with debit as (
        select d.user_id, d.amount, d.order_id, d.n
          from unnest(p_user_ids, p_amounts, p_order_ids) with ordinality as d(user_id, amount, order_id, n)
         where d.amount > 0
    ), debited as (
        update user_balance b set balance = b.balance - t.amount, updated_at = p_now
          from (select user_id, sum(amount) as amount from debit group by user_id) t
         where b.user_id = t.user_id
        returning b.user_id, b.balance
    )
    insert into balance_transaction (user_id, type, amount, balance_after, order_id, created_at)
    select d.user_id, 'PAYMENT', -d.amount,
           u.balance + sum(d.amount) over (partition by d.user_id order by d.n desc) - d.amount, d.order_id, p_now
      from debit d join debited u on u.user_id = d.user_id
     order by d.n;
end
$$;

-- Whether every user's balance covers the sum of that user's amounts, as the balances are now: a
-- batch of payments (place_paid_orders) asks it about the orders it accepted.
create or replace function balance_covers(p_user_ids bigint[], p_amounts bigint[])
returns boolean
language sql stable as $$
    select not exists (
        select 1
          from (select u.user_id, sum(u.amount) as amount
                  from unnest(p_user_ids, p_amounts) as u(user_id, amount)
                 where u.amount > 0
                 group by u.user_id) d
          left join user_balance b on b.user_id = d.user_id
         where b.balance is null or b.balance < d.amount)
$$;
