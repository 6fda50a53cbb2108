-- The ranking's sale rows of any number of lines (one element per line): a payment adds its lines'
-- quantities, a cancellation takes them off (negative quantities) on the payment's day. The job
-- in SalesAggregator folds them into product_sales_daily.
create or replace function ranking_record_sales(
    p_sales_dates date[],
    p_product_ids bigint[],
    p_quantities  bigint[],
    p_unit_prices bigint[])
returns void
language plpgsql as $$
begin
    insert into ranking_sale (sales_date, product_id, quantity, revenue)
    select s.sales_date, s.product_id, s.quantity, s.quantity * s.unit_price
      from unnest(p_sales_dates, p_product_ids, p_quantities, p_unit_prices) as s(sales_date, product_id, quantity,
                                                                                   unit_price);
end
$$;
