-- One payment path for both ways an order is paid: at once (place_paid_order) and after a
-- reservation (pay_pending_order). Each function takes its own locks and checks on what it pays
-- for (the stock, or the pending order and its reservation), then both share:
--   payment_refusal: the coupon and the balance, checked on rows locked in design.md's order
--                    (after the order row and the stock rows the caller has locked);
--   record_payment:  every row a payment writes besides the order and the stock: the coupon
--                    used, the debit and its ledger row, the data-platform outbox row, the
--                    ranking's sale rows, and the ordered lines gone from the cart.
-- A refusal is a returned value and changes nothing; a null refusal means the order is paid.

create function payment_refusal(
    p_user_id        bigint,
    p_now            timestamptz,
    p_user_coupon_id bigint,
    p_coupon_quoted  boolean,
    p_total          bigint,
    p_paid           bigint)
returns varchar
language plpgsql as $$
declare
    v_balance bigint;
begin
    if p_user_coupon_id is not null then
        perform 1 from user_coupon uc join coupon c on c.id = uc.coupon_id
         where uc.id = p_user_coupon_id and uc.user_id = p_user_id and uc.used_at is null
           and uc.expires_at > p_now and c.min_order_amount <= p_total
           for update of uc;
        if not found or not p_coupon_quoted then
            return 'COUPON_NOT_USABLE';
        end if;
    end if;
    if p_paid > 0 then
        select balance into v_balance from user_balance where user_id = p_user_id for update;
        if v_balance is null or v_balance < p_paid then
            return 'INSUFFICIENT_BALANCE';
        end if;
    end if;
    return null;
end
$$;

create function record_payment(
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
    p_event_payload  json)
returns void
language plpgsql as $$
declare
    v_balance bigint;
begin
    if p_user_coupon_id is not null then
        update user_coupon set used_at = p_now, order_id = p_order_id where id = p_user_coupon_id;
    end if;

    if p_paid > 0 then
        update user_balance set balance = balance - p_paid, updated_at = p_now
         where user_id = p_user_id
        returning balance into v_balance;
        insert into balance_transaction (user_id, type, amount, balance_after, order_id, created_at)
        values (p_user_id, 'PAYMENT', -p_paid, v_balance, p_order_id, p_now);
    end if;

    insert into data_platform_outbox (event_id, event_type, order_id, payload, created_at)
    values (p_event_id, 'ORDER_PAID', p_order_id, p_event_payload, p_now);
    insert into ranking_sale (sales_date, product_id, quantity, revenue)
    select p_sales_date, l.product_id, l.quantity, l.quantity * l.unit_price
      from unnest(p_product_ids, p_unit_prices, p_quantities) as l(product_id, unit_price, quantity);

    if p_from_cart then
        delete from cart_item where user_id = p_user_id and option_id = any(p_option_ids);
    end if;
end
$$;

-- An order paid at once (V9), now through the shared checks and writes.
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
    p_event_payload   json)
returns table (refusal varchar, short_option_ids bigint[])
language plpgsql as $$
declare
    v_total   bigint;
    v_paid    bigint;
    v_short   bigint[];
    v_found   integer;
    v_refusal varchar;
begin
    select count(*), sum(l.unit_price * l.quantity) into v_found, v_total
      from unnest(p_product_ids, p_option_ids, p_product_names, p_option_names, p_unit_prices, p_quantities)
           as l(product_id, option_id, product_name, option_name, unit_price, quantity)
      join product_option o on o.id = l.option_id and o.product_id = l.product_id and o.name = l.option_name
      join product p on p.id = o.product_id and p.name = l.product_name
     where p.price + o.additional_price = l.unit_price;
    if v_found <> cardinality(p_option_ids) then
        return query select 'PRODUCTS_CHANGED'::varchar, null::bigint[];
        return;
    end if;
    v_paid := v_total - p_discount;

    perform 1 from option_stock where option_id = any(p_option_ids) order by option_id for update;
    select array_agg(l.option_id order by l.option_id) into v_short
      from unnest(p_option_ids, p_quantities) as l(option_id, quantity)
      join option_stock s on s.option_id = l.option_id
     where s.total - s.reserved < l.quantity;
    if v_short is not null then
        return query select 'OUT_OF_STOCK'::varchar, v_short;
        return;
    end if;

    v_refusal := payment_refusal(p_user_id, p_now, p_user_coupon_id, p_coupon_quoted, v_total, v_paid);
    if v_refusal is not null then
        return query select v_refusal, null::bigint[];
        return;
    end if;

    update option_stock s set total = s.total - l.quantity
      from unnest(p_option_ids, p_quantities) as l(option_id, quantity)
     where s.option_id = l.option_id;

    insert into orders (id, user_id, status, total_amount, discount_amount, paid_amount, user_coupon_id,
                        from_cart, created_at, expires_at, paid_at, cancelled_at)
    values (p_order_id, p_user_id, 'PAID', v_total, p_discount, v_paid, p_user_coupon_id, p_from_cart, p_now,
            null, p_now, null);
    insert into order_line (order_id, line_no, product_id, option_id, product_name, option_name, unit_price,
                            quantity, line_amount)
    select p_order_id, l.line_no, l.product_id, l.option_id, l.product_name, l.option_name, l.unit_price,
           l.quantity, l.unit_price * l.quantity
      from unnest(p_product_ids, p_option_ids, p_product_names, p_option_names, p_unit_prices, p_quantities)
           with ordinality as l(product_id, option_id, product_name, option_name, unit_price, quantity, line_no);

    perform record_payment(p_order_id, p_user_id, p_now, p_user_coupon_id, v_paid, p_product_ids, p_option_ids,
                           p_unit_prices, p_quantities, p_from_cart, p_sales_date, p_event_id, p_event_payload);

    return query select null::varchar, null::bigint[];
end
$$;

-- A pending order paid: the order row first (its transition, from the states the application's
-- state machine gives in p_payable_from, and not past its expiry), then its options' stock rows
-- by ascending id (reserved -> sold), then the shared checks and writes. The caller priced the
-- discount from the order it read; the order's lines and total never change after it is placed.
create function pay_pending_order(
    p_order_id       varchar,
    p_user_id        bigint,
    p_now            timestamptz,
    p_payable_from   varchar[],
    p_user_coupon_id bigint,
    p_coupon_quoted  boolean,
    p_discount       bigint,
    p_sales_date     date,
    p_event_id       uuid,
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

    perform 1 from option_stock where option_id = any(v_option_ids) order by option_id for update;

    v_refusal := payment_refusal(p_user_id, p_now, p_user_coupon_id, p_coupon_quoted, v_order.total_amount, v_paid);
    if v_refusal is not null then
        return v_refusal;
    end if;

    update option_stock s set total = s.total - l.quantity, reserved = s.reserved - l.quantity
      from unnest(v_option_ids, v_quantities) as l(option_id, quantity)
     where s.option_id = l.option_id;

    update orders set status = 'PAID', paid_at = p_now, discount_amount = p_discount, paid_amount = v_paid,
                      user_coupon_id = p_user_coupon_id
     where id = p_order_id;

    perform record_payment(p_order_id, p_user_id, p_now, p_user_coupon_id, v_paid, v_product_ids, v_option_ids,
                           v_prices, v_quantities, v_order.from_cart, p_sales_date, p_event_id, p_event_payload);
    return null;
end
$$;
