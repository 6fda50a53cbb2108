package shop.commerce.order.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderLine;
import shop.commerce.order.domain.OrderRepository;
import shop.commerce.order.domain.OrderStatus;
import shop.commerce.support.persistence.SqlTime;

@Repository
class JdbcOrderRepository implements OrderRepository {

    private static final String ORDER_COLUMNS = """
            o.id, o.user_id, o.status, o.total_amount, o.discount_amount, o.user_coupon_id, o.from_cart,
            o.created_at, o.expires_at, o.paid_at, o.cancelled_at,
            l.line_no, l.product_id, l.option_id, l.product_name, l.option_name, l.unit_price, l.quantity
            """;

    private final JdbcClient jdbc;

    JdbcOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Order order) {
        List<OrderLine> lines = order.lines();
        jdbc.sql("""
                with inserted as (
                    insert into orders (id, user_id, status, total_amount, discount_amount, paid_amount,
                                        user_coupon_id, from_cart, created_at, expires_at, paid_at, cancelled_at)
                    values (:id, :userId, :status, :total, :discount, :paid, :userCouponId, :fromCart, :createdAt,
                            :expiresAt, :paidAt, null)
                    returning id
                )
                insert into order_line (order_id, line_no, product_id, option_id, product_name, option_name,
                                        unit_price, quantity, line_amount)
                select i.id, l.line_no, l.product_id, l.option_id, l.product_name, l.option_name, l.unit_price,
                       l.quantity, l.unit_price * l.quantity
                  from inserted i,
                       unnest(cast(:productIds as bigint[]), cast(:optionIds as bigint[]),
                              cast(:productNames as varchar[]), cast(:optionNames as varchar[]),
                              cast(:unitPrices as bigint[]), cast(:quantities as integer[]))
                       with ordinality as l(product_id, option_id, product_name, option_name, unit_price, quantity,
                                            line_no)
                """)
                .param("id", order.id()).param("userId", order.userId()).param("status", order.status().name())
                .param("total", order.totalAmount()).param("discount", order.discountAmount())
                .param("paid", order.paidAmount()).param("userCouponId", order.userCouponId())
                .param("fromCart", order.fromCart()).param("createdAt", SqlTime.param(order.createdAt()))
                .param("expiresAt", SqlTime.param(order.expiresAt())).param("paidAt", SqlTime.param(order.paidAt()))
                .param("productIds", lines.stream().map(OrderLine::productId).toArray(Long[]::new))
                .param("optionIds", lines.stream().map(OrderLine::optionId).toArray(Long[]::new))
                .param("productNames", lines.stream().map(OrderLine::productName).toArray(String[]::new))
                .param("optionNames", lines.stream().map(OrderLine::optionName).toArray(String[]::new))
                .param("unitPrices", lines.stream().map(OrderLine::unitPrice).toArray(Long[]::new))
                .param("quantities", lines.stream().map(l -> (int) l.quantity()).toArray(Integer[]::new))
                .update();
    }

    @Override
    public Optional<Order> find(String orderId) {
        return jdbc.sql("select " + ORDER_COLUMNS + """
                  from orders o join order_line l on l.order_id = o.id
                 where o.id = :id
                 order by l.line_no
                """)
                .param("id", orderId)
                .query(JdbcOrderRepository::orders).stream().findFirst();
    }

    @Override
    public List<Order> findByUser(long userId, long offset, int limit) {
        return jdbc.sql("with page as (select id, created_at from orders where user_id = :userId"
                + " order by created_at desc, id desc offset :offset limit :limit)"
                + " select " + ORDER_COLUMNS + """
                  from page p join orders o on o.id = p.id join order_line l on l.order_id = o.id
                 order by p.created_at desc, p.id desc, l.line_no
                """)
                .param("userId", userId).param("offset", offset).param("limit", limit)
                .query(JdbcOrderRepository::orders);
    }

    @Override
    public long countByUser(long userId) {
        return jdbc.sql("select count(*) from orders where user_id = :userId").param("userId", userId)
                .query(Long.class).single();
    }

    @Override
    public Optional<Order> markPaid(String orderId, long userId, Instant now) {
        return jdbc.sql("""
                with o as (
                    update orders set status = 'PAID', paid_at = :now
                     where id = :id and user_id = :userId and status = 'PENDING_PAYMENT' and expires_at > :now
                    returning *
                )
                select\s""" + ORDER_COLUMNS + """
                  from o join order_line l on l.order_id = o.id
                 order by l.line_no
                """)
                .param("id", orderId).param("userId", userId).param("now", SqlTime.param(now))
                .query(JdbcOrderRepository::orders).stream().findFirst();
    }

    @Override
    public void settle(String orderId, long discountAmount, Long userCouponId) {
        jdbc.sql("""
                update orders set discount_amount = :discount, paid_amount = total_amount - :discount,
                       user_coupon_id = :userCouponId
                 where id = :id
                """)
                .param("id", orderId).param("discount", discountAmount).param("userCouponId", userCouponId)
                .update();
    }

    @Override
    public Optional<Order> markCancelled(String orderId, long userId, Instant now) {
        return jdbc.sql("""
                with previous as (
                    select id, status from orders
                     where id = :id and user_id = :userId and status in ('PENDING_PAYMENT', 'PAID')
                       for update
                ), o as (
                    update orders c set status = 'CANCELLED', cancelled_at = :now
                      from previous p
                     where c.id = p.id
                    returning c.id, c.user_id, p.status, c.total_amount, c.discount_amount, c.user_coupon_id,
                              c.from_cart, c.created_at, c.expires_at, c.paid_at, c.cancelled_at
                )
                select\s""" + ORDER_COLUMNS + """
                  from o join order_line l on l.order_id = o.id
                 order by l.line_no
                """)
                .param("id", orderId).param("userId", userId).param("now", SqlTime.param(now))
                .query(JdbcOrderRepository::orders).stream().findFirst();
    }

    @Override
    public List<Order> expireDue(Instant now, int limit) {
        return jdbc.sql("""
                with due as (
                    select id from orders
                     where status = 'PENDING_PAYMENT' and expires_at <= :now
                     order by expires_at
                     limit :limit
                       for update skip locked
                ), o as (
                    update orders e set status = 'EXPIRED' from due where e.id = due.id returning e.*
                )
                select\s""" + ORDER_COLUMNS + """
                  from o join order_line l on l.order_id = o.id
                 order by o.id, l.line_no
                """)
                .param("now", SqlTime.param(now)).param("limit", limit)
                .query(JdbcOrderRepository::orders);
    }

    /** Folds rows of (order columns + one line) into orders, keeping the rows' order. */
    private static List<Order> orders(ResultSet rs) throws SQLException {
        Map<String, Order> orders = new LinkedHashMap<>();
        Map<String, List<OrderLine>> lines = new LinkedHashMap<>();
        while (rs.next()) {
            String id = rs.getString("id");
            if (!orders.containsKey(id)) {
                long couponId = rs.getLong("user_coupon_id");
                Long userCouponId = rs.wasNull() ? null : couponId;
                List<OrderLine> orderLines = new ArrayList<>();
                lines.put(id, orderLines);
                orders.put(id, new Order(id, rs.getLong("user_id"), OrderStatus.valueOf(rs.getString("status")),
                        orderLines, rs.getLong("total_amount"), rs.getLong("discount_amount"), userCouponId,
                        rs.getBoolean("from_cart"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "expires_at"),
                        SqlTime.read(rs, "paid_at"), SqlTime.read(rs, "cancelled_at")));
            }
            lines.get(id).add(new OrderLine(rs.getLong("product_id"), rs.getLong("option_id"),
                    rs.getString("product_name"), rs.getString("option_name"), rs.getLong("unit_price"),
                    rs.getLong("quantity")));
        }
        return List.copyOf(orders.values());
    }
}
