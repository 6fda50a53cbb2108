-- The catalogue's part of a payment, for any number of orders at once. Lines come as parallel
-- arrays, one element per line, with p_line_orders naming the order (a caller's number) each
-- line belongs to; each function answers per order.

-- "Stock available": the one text of the rule, also used by JdbcStockRepository's reservations.
create or replace function option_stock_available(p_total bigint, p_reserved bigint, p_quantity bigint)
returns boolean
language sql immutable as $$
    select p_total - p_reserved >= p_quantity
$$;

-- The orders with a line whose product or option is gone, renamed or priced differently now.
create or replace function catalog_changed_orders(
    p_line_orders   integer[],
    p_product_ids   bigint[],
    p_option_ids    bigint[],
    p_product_names varchar[],
    p_option_names  varchar[],
    p_unit_prices   bigint[])
returns setof integer
language sql stable as $$
    select l.order_no
      from unnest(p_line_orders, p_product_ids, p_option_ids, p_product_names, p_option_names, p_unit_prices)
           as l(order_no, product_id, option_id, product_name, option_name, unit_price)
      left join product_option o on o.id = l.option_id and o.product_id = l.product_id and o.name = l.option_name
      left join product p on p.id = o.product_id and p.name = l.product_name
                         and p.price + o.additional_price = l.unit_price
     where p.id is null
     group by l.order_no
$$;

-- Locks the stock rows of the given options in ascending option id (design.md's lock order).
create or replace function catalog_lock_stock(p_option_ids bigint[])
returns void
language plpgsql as $$
begin
    perform 1 from option_stock where option_id = any(p_option_ids) order by option_id for update;
end
$$;

-- Locks the orders' stock rows in ascending option id (design.md's lock order) and answers the
-- orders that ask for more of an option than is available, each with its short options
-- (ascending). Each order is judged on its own against the current rows. One statement: the
-- payment's cost is its statements.
create or replace function catalog_short_orders(p_line_orders integer[], p_option_ids bigint[], p_quantities integer[])
returns table (order_no integer, short_option_ids bigint[])
language plpgsql as $$
begin
    return query
        with locked as materialized (
            select s.option_id, s.total, s.reserved from option_stock s
             where s.option_id = any(p_option_ids)
             order by s.option_id
               for update
        )
        select l.order_no, array_agg(l.option_id order by l.option_id)
          from unnest(p_line_orders, p_option_ids, p_quantities) as l(order_no, option_id, quantity)
          join locked s on s.option_id = l.option_id
         where not option_stock_available(s.total, s.reserved, l.quantity)
         group by l.order_no;
end
$$;

-- Sold lines leave the stock; p_from_reserved: they were reserved first (a pending order paid).
create or replace function catalog_sell_stock(p_option_ids bigint[], p_quantities integer[], p_from_reserved boolean)
returns void
language plpgsql as $$
begin
    update option_stock s
       set total = s.total - l.quantity,
           reserved = s.reserved - case when p_from_reserved then l.quantity else 0 end
      from (select option_id, sum(quantity) as quantity
              from unnest(p_option_ids, p_quantities) as u(option_id, quantity)
             group by option_id) l
     where s.option_id = l.option_id;
end
$$;

-- Whether the stock rows hold all the given lines at once (their quantities summed per option), as
-- the rows are now: a batch of payments (place_paid_orders) asks it about the orders it accepted.
create or replace function catalog_stock_covers(p_option_ids bigint[], p_quantities integer[])
returns boolean
language sql stable as $$
    select not exists (
        select 1
          from (select l.option_id, sum(l.quantity) as quantity
                  from unnest(p_option_ids, p_quantities) as l(option_id, quantity)
                 group by l.option_id) d
          join option_stock s on s.option_id = d.option_id
         where not option_stock_available(s.total, s.reserved, d.quantity))
$$;
