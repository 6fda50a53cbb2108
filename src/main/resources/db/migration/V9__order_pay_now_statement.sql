-- An order paid at once, in one statement: the whole transaction of design.md's lock order (stock
-- rows by ascending option id, then the user coupon, then the balance) plus every row a payment
-- writes: the order and its lines, the ledger row, the data-platform outbox row and the ranking's
-- sale rows. The application prices the lines from its cache of product definitions; this
-- function confirms them against the catalogue before anything else, so a price that was already
-- replaced is never charged.
--
-- Every check runs on locked rows before the first write, so a refusal changes nothing and is
-- returned as a value: PRODUCTS_CHANGED, OUT_OF_STOCK (with the short options, ascending),
-- COUPON_NOT_USABLE or INSUFFICIENT_BALANCE, in api.md's order of precedence. A null refusal means
-- the order is paid.
create function place_paid_order(
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
    v_total bigint;
    v_paid  bigint;
    v_short bigint[];
    v_found integer;
    v_balance bigint;
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

    if p_user_coupon_id is not null then
        perform 1 from user_coupon uc join coupon c on c.id = uc.coupon_id
         where uc.id = p_user_coupon_id and uc.user_id = p_user_id and uc.used_at is null
           and uc.expires_at > p_now and c.min_order_amount <= v_total
           for update of uc;
        if not found or not p_coupon_quoted then
            return query select 'COUPON_NOT_USABLE'::varchar, null::bigint[];
            return;
        end if;
    end if;

    if v_paid > 0 then
        select balance into v_balance from user_balance where user_id = p_user_id for update;
        if v_balance is null or v_balance < v_paid then
            return query select 'INSUFFICIENT_BALANCE'::varchar, null::bigint[];
            return;
        end if;
    end if;

    update option_stock s set total = s.total - l.quantity
      from unnest(p_option_ids, p_quantities) as l(option_id, quantity)
     where s.option_id = l.option_id;

    if p_user_coupon_id is not null then
        update user_coupon set used_at = p_now, order_id = p_order_id where id = p_user_coupon_id;
    end if;

    if v_paid > 0 then
        update user_balance set balance = balance - v_paid, updated_at = p_now
         where user_id = p_user_id
        returning balance into v_balance;
        insert into balance_transaction (user_id, type, amount, balance_after, order_id, created_at)
        values (p_user_id, 'PAYMENT', -v_paid, v_balance, p_order_id, p_now);
    end if;

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

    insert into data_platform_outbox (event_id, event_type, order_id, payload, created_at)
    values (p_event_id, 'ORDER_PAID', p_order_id, p_event_payload, p_now);
    insert into ranking_sale (sales_date, product_id, quantity, revenue)
    select p_sales_date, l.product_id, l.quantity, l.quantity * l.unit_price
      from unnest(p_product_ids, p_unit_prices, p_quantities) as l(product_id, unit_price, quantity);

    if p_from_cart then
        delete from cart_item where user_id = p_user_id and option_id = any(p_option_ids);
    end if;

    return query select null::varchar, null::bigint[];
end
$$;
