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
