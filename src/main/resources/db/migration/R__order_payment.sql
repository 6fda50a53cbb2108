-- One payment path for both ways an order is paid: at once (place_paid_order) and after a
-- reservation (pay_pending_order), each one statement. The order module writes only orders and
-- order_line; every other row is checked and written by its owner's function:
--   catalog (R__catalog_stock.sql): prices confirmed, stock locked, checked and sold;
--   coupon (R__coupon_use.sql): the user coupon locked, checked and used;
--   balance (R__balance_payment.sql): the balance locked, checked and debited with its ledger row;
--   dataplatform (R__dataplatform_outbox.sql): the outbox row;
--   ranking (R__ranking_sales.sql): the sale rows;
--   cart (R__cart_checkout.sql): the ordered lines gone from the cart.
-- Locks follow design.md's order (order row, stock rows ascending, user coupon, balance). Every
-- check runs before the first write, so a refusal is a returned value and changes nothing.

-- The coupon's and the balance's refusal of one order, in api.md's order; null: both agree.
create or replace function order_payment_refusal(
    p_user_id        bigint,
    p_now            timestamptz,
    p_user_coupon_id bigint,
    p_coupon_quoted  boolean,
    p_total          bigint,
    p_paid           bigint)
returns varchar
language plpgsql as $$
begin
    if p_user_coupon_id is not null
       and (exists (select 1 from coupon_unusable_orders(array[1], array[p_user_id], array[p_user_coupon_id],
                                                         array[p_total], p_now))
            or not p_coupon_quoted) then
        return 'COUPON_NOT_USABLE';
    end if;
    if exists (select 1 from balance_short_orders(array[1], array[p_user_id], array[p_paid])) then
        return 'INSUFFICIENT_BALANCE';
    end if;
    return null;
end
$$;

-- Every row a payment writes besides the order, through the owners' functions, in one statement
-- (every row they change is locked already, and the payment's cost is its statements).
create or replace function order_record_payment(
    p_order_id       varchar,
    p_user_id        bigint,
    p_now            timestamptz,
    p_user_coupon_id bigint,
    p_paid           bigint,
    p_product_ids    bigint[],
    p_option_ids     bigint[],
    p_unit_prices    bigint[],
    p_quantities     integer[],
    p_from_cart      boolean,
    p_sales_date     date,
    p_event_id       uuid,
    p_event_type     varchar,
    p_event_payload  json,
    p_from_reserved  boolean)
returns void
language plpgsql as $$
declare
    v_lines integer := cardinality(p_option_ids);
begin
    perform catalog_sell_stock(p_option_ids, p_quantities, p_from_reserved),
            balance_pay(array[p_user_id], array[p_paid], array[p_order_id], p_now),
            dataplatform_record_events(array[p_event_id], array[p_event_type], array[p_order_id],
                                       array[p_event_payload], p_now),
            ranking_record_sales(array_fill(p_sales_date, array[v_lines]), p_product_ids,
                                 cast(p_quantities as bigint[]), p_unit_prices);
    if p_user_coupon_id is not null then
        perform coupon_use(array[p_user_coupon_id], array[p_order_id], p_now);
    end if;
    if p_from_cart then
        perform cart_remove_ordered(array_fill(p_user_id, array[v_lines]), p_option_ids);
    end if;
end
$$;

-- An order placed and paid at once. Its lines are confirmed against the catalogue first, so a
-- price that was already replaced is never charged; refusals in api.md's order: PRODUCTS_CHANGED,
-- OUT_OF_STOCK (with the short options, ascending), COUPON_NOT_USABLE, INSUFFICIENT_BALANCE.
create or replace function place_paid_order(
    p_order_id        varchar,
    p_user_id         bigint,
    p_now             timestamptz,
    p_product_ids     bigint[],
    p_option_ids      bigint[],
    p_product_names   varchar[],
    p_option_names    varchar[],
    p_unit_prices     bigint[],
    p_quantities      integer[],
    p_user_coupon_id  bigint,
    p_coupon_quoted   boolean,
    p_discount        bigint,
    p_from_cart       boolean,
    p_sales_date      date,
    p_event_id        uuid,
    p_event_type      varchar,
    p_event_payload   json)
returns table (refusal varchar, short_option_ids bigint[])
language plpgsql as $$
declare
    v_line_orders integer[] := array_fill(1, array[cardinality(p_option_ids)]);
    v_total       bigint;
    v_paid        bigint;
    v_short       bigint[];
    v_refusal     varchar;
begin
    if exists (select 1 from catalog_changed_orders(v_line_orders, p_product_ids, p_option_ids, p_product_names,
                                                    p_option_names, p_unit_prices)) then
        return query select 'PRODUCTS_CHANGED'::varchar, null::bigint[];
        return;
    end if;
    select sum(l.unit_price * l.quantity) into v_total
      from unnest(p_unit_prices, p_quantities) as l(unit_price, quantity);
    v_paid := v_total - p_discount;

    select s.short_option_ids into v_short from catalog_short_orders(v_line_orders, p_option_ids, p_quantities) s;
    if v_short is not null then
        return query select 'OUT_OF_STOCK'::varchar, v_short;
        return;
    end if;

    v_refusal := order_payment_refusal(p_user_id, p_now, p_user_coupon_id, p_coupon_quoted, v_total, v_paid);
    if v_refusal is not null then
        return query select v_refusal, null::bigint[];
        return;
    end if;

    with placed as (
        insert into orders (id, user_id, status, total_amount, discount_amount, paid_amount, user_coupon_id,
                            from_cart, created_at, expires_at, paid_at, cancelled_at)
        values (p_order_id, p_user_id, 'PAID', v_total, p_discount, v_paid, p_user_coupon_id, p_from_cart, p_now,
                null, p_now, null)
        returning id
    )
    insert into order_line (order_id, line_no, product_id, option_id, product_name, option_name, unit_price,
                            quantity, line_amount)
    select o.id, l.line_no, l.product_id, l.option_id, l.product_name, l.option_name, l.unit_price,
           l.quantity, l.unit_price * l.quantity
      from placed o,
           unnest(p_product_ids, p_option_ids, p_product_names, p_option_names, p_unit_prices, p_quantities)
           with ordinality as l(product_id, option_id, product_name, option_name, unit_price, quantity, line_no);

    perform order_record_payment(p_order_id, p_user_id, p_now, p_user_coupon_id, v_paid, p_product_ids,
                                 p_option_ids, p_unit_prices, p_quantities, p_from_cart, p_sales_date, p_event_id,
                                 p_event_type, p_event_payload, false);

    return query select null::varchar, null::bigint[];
end
$$;

-- A pending order paid: the order row first (its transition, from the states the application's
-- state machine gives in p_payable_from, and not past its expiry), then its options' stock rows
-- (reserved -> sold), then the shared checks and writes. The caller priced the discount from the
-- order it read; the order's lines and total never change after it is placed.
create or replace function pay_pending_order(
    p_order_id       varchar,
    p_user_id        bigint,
    p_now            timestamptz,
    p_payable_from   varchar[],
    p_user_coupon_id bigint,
    p_coupon_quoted  boolean,
    p_discount       bigint,
    p_sales_date     date,
    p_event_id       uuid,
    p_event_type     varchar,
    p_event_payload  json)
returns varchar
language plpgsql as $$
declare
    v_order       orders%rowtype;
    v_paid        bigint;
    v_product_ids bigint[];
    v_option_ids  bigint[];
    v_prices      bigint[];
    v_quantities  integer[];
    v_refusal     varchar;
begin
    select * into v_order from orders
     where id = p_order_id and user_id = p_user_id and status = any(p_payable_from) and expires_at > p_now
       for update;
    if not found then
        return 'ORDER_NOT_PAYABLE';
    end if;
    v_paid := v_order.total_amount - p_discount;

    select array_agg(product_id order by line_no), array_agg(option_id order by line_no),
           array_agg(unit_price order by line_no), array_agg(quantity order by line_no)
      into v_product_ids, v_option_ids, v_prices, v_quantities
      from order_line where order_id = p_order_id;

    perform catalog_lock_stock(v_option_ids);

    v_refusal := order_payment_refusal(p_user_id, p_now, p_user_coupon_id, p_coupon_quoted, v_order.total_amount,
                                       v_paid);
    if v_refusal is not null then
        return v_refusal;
    end if;

    update orders set status = 'PAID', paid_at = p_now, discount_amount = p_discount, paid_amount = v_paid,
                      user_coupon_id = p_user_coupon_id
     where id = p_order_id;

    perform order_record_payment(p_order_id, p_user_id, p_now, p_user_coupon_id, v_paid, v_product_ids,
                                 v_option_ids, v_prices, v_quantities, v_order.from_cart, p_sales_date, p_event_id,
                                 p_event_type, p_event_payload, true);
    return null;
end
$$;

-- Several orders placed and paid at once, in one statement: a batch of pay-now orders that reached
-- one instance together (PaymentBatcher). It answers per order (p_order_ids' position, from 1)
-- exactly what place_paid_order would have answered had the orders run one after another in
-- array order. Orders come as parallel arrays (one element per order); lines as parallel arrays
-- with p_line_orders naming each line's order.
--
-- Every row of the whole batch is locked first, in design.md's global order: all stock rows by
-- ascending option id, then all user coupons by ascending id, then all balances by ascending user
-- id, so batches on any number of instances wait for each other and never deadlock. Each order is
-- then judged against those rows. Payments only ever take (stock, coupons, balance), so an order
-- refused against them would be refused after the others too. When the accepted orders do not
-- compete (no option, coupon or balance short of their sum), they are written together, set-based;
-- otherwise the batch falls back to place_paid_order, order after order, on the rows it holds.
create or replace function place_paid_orders(
    p_now             timestamptz,
    p_order_ids       varchar[],
    p_user_ids        bigint[],
    p_created_ats     timestamptz[],
    p_user_coupon_ids bigint[],
    p_coupon_quoted   boolean[],
    p_discounts       bigint[],
    p_from_cart       boolean[],
    p_sales_dates     date[],
    p_event_ids       uuid[],
    p_event_types     varchar[],
    p_event_payloads  json[],
    p_line_orders     integer[],
    p_product_ids     bigint[],
    p_option_ids      bigint[],
    p_product_names   varchar[],
    p_option_names    varchar[],
    p_unit_prices     bigint[],
    p_quantities      integer[])
returns table (order_no integer, refusal varchar, short_option_ids bigint[])
language plpgsql as $$
declare
    v_orders   integer := cardinality(p_order_ids);
    v_nos      integer[] := array(select generate_series(1, cardinality(p_order_ids)));
    v_totals   bigint[];
    v_paid     bigint[];
    v_refusals varchar[] := array_fill(null::varchar, array[cardinality(p_order_ids)]);
    v_shorts   varchar[] := array_fill(null::varchar, array[cardinality(p_order_ids)]);
    v_no       integer;
    v_short    record;
    v_one      record;
    v_lines    integer[];
    v_accepted integer[];
begin
    select array_agg(coalesce(t.total, 0) order by o.n) into v_totals
      from unnest(v_nos) as o(n)
      left join (select l.order_no, sum(l.unit_price * l.quantity) as total
                   from unnest(p_line_orders, p_unit_prices, p_quantities) as l(order_no, unit_price, quantity)
                  group by l.order_no) t on t.order_no = o.n;
    v_paid := array(select v_totals[o.n] - p_discounts[o.n] from unnest(v_nos) as o(n) order by o.n);

    for v_no in select c from catalog_changed_orders(p_line_orders, p_product_ids, p_option_ids, p_product_names,
                                                     p_option_names, p_unit_prices) c loop
        v_refusals[v_no] := 'PRODUCTS_CHANGED';
    end loop;
    for v_short in select s.order_no, s.short_option_ids
                     from catalog_short_orders(p_line_orders, p_option_ids, p_quantities) s loop
        if v_refusals[v_short.order_no] is null then
            v_refusals[v_short.order_no] := 'OUT_OF_STOCK';
            v_shorts[v_short.order_no] := cast(v_short.short_option_ids as varchar);
        end if;
    end loop;
    for v_no in select u from coupon_unusable_orders(v_nos, p_user_ids, p_user_coupon_ids, v_totals, p_now) u loop
        v_refusals[v_no] := coalesce(v_refusals[v_no], 'COUPON_NOT_USABLE');
    end loop;
    for v_no in select o.n from unnest(v_nos) as o(n)
                 where p_user_coupon_ids[o.n] is not null and not p_coupon_quoted[o.n] loop
        v_refusals[v_no] := coalesce(v_refusals[v_no], 'COUPON_NOT_USABLE');
    end loop;
    for v_no in select b from balance_short_orders(v_nos, p_user_ids, v_paid) b loop
        v_refusals[v_no] := coalesce(v_refusals[v_no], 'INSUFFICIENT_BALANCE');
    end loop;

    v_lines := array(select i from generate_subscripts(p_line_orders, 1) as i
                      where v_refusals[p_line_orders[i]] is null order by i);
    v_accepted := array(select o.n from unnest(v_nos) as o(n) where v_refusals[o.n] is null order by o.n);
    if not catalog_stock_covers(array(select p_option_ids[i] from unnest(v_lines) as i),
                                array(select p_quantities[i] from unnest(v_lines) as i))
       or exists (select 1 from unnest(v_accepted) as n where p_user_coupon_ids[n] is not null
                   group by p_user_coupon_ids[n] having count(*) > 1)
       or not balance_covers(array(select p_user_ids[n] from unnest(v_accepted) as n),
                             array(select v_paid[n] from unnest(v_accepted) as n)) then
        for v_no in 1 .. v_orders loop
            continue when v_refusals[v_no] = 'PRODUCTS_CHANGED';
            v_lines := array(select i from generate_subscripts(p_line_orders, 1) as i
                              where p_line_orders[i] = v_no order by i);
            select r.refusal, r.short_option_ids into v_one
              from place_paid_order(p_order_ids[v_no], p_user_ids[v_no], p_created_ats[v_no],
                                    array(select p_product_ids[i] from unnest(v_lines) as i),
                                    array(select p_option_ids[i] from unnest(v_lines) as i),
                                    array(select p_product_names[i] from unnest(v_lines) as i),
                                    array(select p_option_names[i] from unnest(v_lines) as i),
                                    array(select p_unit_prices[i] from unnest(v_lines) as i),
                                    array(select p_quantities[i] from unnest(v_lines) as i),
                                    p_user_coupon_ids[v_no], p_coupon_quoted[v_no], p_discounts[v_no],
                                    p_from_cart[v_no], p_sales_dates[v_no], p_event_ids[v_no], p_event_types[v_no],
                                    p_event_payloads[v_no]) r;
            v_refusals[v_no] := v_one.refusal;
            v_shorts[v_no] := cast(v_one.short_option_ids as varchar);
        end loop;
        return query select o.n, v_refusals[o.n], cast(v_shorts[o.n] as bigint[]) from unnest(v_nos) as o(n);
        return;
    end if;

    insert into orders (id, user_id, status, total_amount, discount_amount, paid_amount, user_coupon_id,
                        from_cart, created_at, expires_at, paid_at, cancelled_at)
    select p_order_ids[o.n], p_user_ids[o.n], 'PAID', v_totals[o.n], p_discounts[o.n], v_paid[o.n],
           p_user_coupon_ids[o.n], p_from_cart[o.n], p_created_ats[o.n], null, p_created_ats[o.n], null
      from unnest(v_nos) as o(n)
     where v_refusals[o.n] is null;

    insert into order_line (order_id, line_no, product_id, option_id, product_name, option_name, unit_price,
                            quantity, line_amount)
    select p_order_ids[l.order_no], row_number() over (partition by l.order_no order by l.i), l.product_id,
           l.option_id, l.product_name, l.option_name, l.unit_price, l.quantity, l.unit_price * l.quantity
      from unnest(p_line_orders, p_product_ids, p_option_ids, p_product_names, p_option_names, p_unit_prices,
                  p_quantities) with ordinality
           as l(order_no, product_id, option_id, product_name, option_name, unit_price, quantity, i)
     where v_refusals[l.order_no] is null;

    v_nos := v_accepted;
    perform catalog_sell_stock(array(select p_option_ids[i] from unnest(v_lines) as i),
                               array(select p_quantities[i] from unnest(v_lines) as i), false),
            balance_pay(array(select p_user_ids[n] from unnest(v_nos) as n),
                        array(select v_paid[n] from unnest(v_nos) as n),
                        array(select p_order_ids[n] from unnest(v_nos) as n), p_now),
            dataplatform_record_events(array(select p_event_ids[n] from unnest(v_nos) as n),
                                       array(select p_event_types[n] from unnest(v_nos) as n),
                                       array(select p_order_ids[n] from unnest(v_nos) as n),
                                       array(select p_event_payloads[n] from unnest(v_nos) as n), p_now),
            ranking_record_sales(array(select p_sales_dates[p_line_orders[i]] from unnest(v_lines) as i),
                                 array(select p_product_ids[i] from unnest(v_lines) as i),
                                 array(select cast(p_quantities[i] as bigint) from unnest(v_lines) as i),
                                 array(select p_unit_prices[i] from unnest(v_lines) as i)),
            coupon_use(array(select p_user_coupon_ids[n] from unnest(v_nos) as n
                              where p_user_coupon_ids[n] is not null),
                       array(select p_order_ids[n] from unnest(v_nos) as n where p_user_coupon_ids[n] is not null),
                       p_now),
            cart_remove_ordered(array(select p_user_ids[p_line_orders[i]] from unnest(v_lines) as i
                                       where p_from_cart[p_line_orders[i]]),
                                array(select p_option_ids[i] from unnest(v_lines) as i
                                       where p_from_cart[p_line_orders[i]]));

    return query select o.n, v_refusals[o.n], cast(v_shorts[o.n] as bigint[])
                   from generate_series(1, v_orders) as o(n);
end
$$;
