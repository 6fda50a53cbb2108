package shop.commerce.cart.infrastructure;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import shop.commerce.cart.domain.CartItem;
import shop.commerce.cart.domain.CartRepository;
import shop.commerce.support.persistence.SqlTime;

@Repository
class JdbcCartRepository implements CartRepository {

    private final JdbcClient jdbc;

    JdbcCartRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CartItem> items(long userId) {
        return jdbc.sql("""
                select product_id, option_id, quantity from cart_item where user_id = :userId
                 order by updated_at, option_id
                """)
                .param("userId", userId)
                .query((rs, n) -> new CartItem(rs.getLong("product_id"), rs.getLong("option_id"), rs.getLong("quantity")))
                .list();
    }

    @Override
    public void put(long userId, CartItem item, Instant now) {
        jdbc.sql("""
                insert into cart_item (user_id, option_id, product_id, quantity, updated_at)
                values (:userId, :optionId, :productId, :quantity, :now)
                on conflict (user_id, option_id) do update set quantity = excluded.quantity
                """)
                .param("userId", userId).param("optionId", item.optionId()).param("productId", item.productId())
                .param("quantity", item.quantity()).param("now", SqlTime.param(now))
                .update();
    }

    @Override
    public void remove(long userId, Collection<Long> optionIds) {
        if (optionIds.isEmpty()) {
            return;
        }
        jdbc.sql("delete from cart_item where user_id = :userId and option_id = any(cast(:optionIds as bigint[]))")
                .param("userId", userId).param("optionIds", optionIds.toArray(Long[]::new))
                .update();
    }
}
