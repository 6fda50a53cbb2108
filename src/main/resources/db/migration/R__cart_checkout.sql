-- The cart lines that leave when their order is paid (one element per ordered line).
create or replace function cart_remove_ordered(p_user_ids bigint[], p_option_ids bigint[])
returns void
language plpgsql as $$
begin
    delete from cart_item c
     using unnest(p_user_ids, p_option_ids) as o(user_id, option_id)
     where c.user_id = o.user_id and c.option_id = o.option_id;
end
$$;
