package shop.commerce.order.infrastructure;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderLine;
import shop.commerce.order.domain.OrderRepository;
import shop.commerce.order.domain.OrderStatus;
import shop.commerce.order.domain.OutboxAndSales;
import shop.commerce.order.domain.PaymentOutcome;
import shop.commerce.ranking.RankingSales.Sale;
import shop.commerce.ranking.RankingSales;
import shop.commerce.support.persistence.IndexScans;
import shop.commerce.support.persistence.SqlTime;

@Repository
class JdbcOrderRepository implements OrderRepository {

    private static final String ORDER_COLUMNS = """
            o.id, o.user_id, o.status, o.total_amount, o.discount_amount, o.user_coupon_id, o.from_cart,
            o.created_at, o.expires_at, o.paid_at, o.cancelled_at,
            l.line_no, l.product_id, l.option_id, l.product_name, l.option_name, l.unit_price, l.quantity
            """;

    private final JdbcClient jdbc;
    private final IndexScans indexScans;

    JdbcOrderRepository(JdbcClient jdbc, IndexScans indexScans) {
        this.jdbc = jdbc;
        this.indexScans = indexScans;
    }

    @Override
    public PaymentOutcome placePaid(Order order, boolean couponQuoted, OutboxAndSales event) {
        return withLines(jdbc.sql("""
                select refusal, short_option_ids
                  from place_paid_order(:id, :userId, :now, cast(:productIds as bigint[]),
                                        cast(:optionIds as bigint[]), cast(:productNames as varchar[]),
                                        cast(:optionNames as varchar[]), cast(:unitPrices as bigint[]),
                                        cast(:quantities as integer[]), cast(:userCouponId as bigint), :couponQuoted,
                                        :discount, :fromCart, :salesDate, :eventId, :eventType,
                                        cast(:payload as json))
                """), order.lines())
                .param("id", order.id()).param("userId", order.userId()).param("now", SqlTime.param(order.paidAt()))
                .param("userCouponId", order.userCouponId(), Types.BIGINT).param("couponQuoted", couponQuoted)
                .param("discount", order.discountAmount()).param("fromCart", order.fromCart())
                .param("salesDate", Date.valueOf(event.salesDate())).param("eventId", event.eventId())
                .param("eventType", event.eventType()).param("payload", event.payload())
                .query((rs, n) -> {
                    String refusal = rs.getString("refusal");
                    Array shortOptions = rs.getArray("short_option_ids");
                    return new PaymentOutcome(refusal == null ? null : PaymentOutcome.Refusal.valueOf(refusal),
                            shortOptions == null ? List.of() : List.of((Long[]) shortOptions.getArray()));
                })
                .single();
    }

    @Override
    public List<PaymentOutcome> placePaidTogether(List<PayNow> payments) {
        List<OrderLine> lines = new ArrayList<>();
        List<Integer> lineOrders = new ArrayList<>();
        for (int n = 0; n < payments.size(); n++) {
            for (OrderLine line : payments.get(n).order().lines()) {
                lines.add(line);
                lineOrders.add(n + 1);
            }
        }
        Instant batchNow = payments.stream().map(p -> p.order().paidAt()).max(Instant::compareTo).orElseThrow();
        PaymentOutcome[] outcomes = new PaymentOutcome[payments.size()];
        withLines(jdbc.sql("""
                select order_no, refusal, short_option_ids
                  from place_paid_orders(:now, cast(:orderIds as varchar[]), cast(:userIds as bigint[]),
                                         cast(:createdAts as timestamptz[]), cast(:userCouponIds as bigint[]),
                                         cast(:couponQuoted as boolean[]), cast(:discounts as bigint[]),
                                         cast(:fromCart as boolean[]), cast(:salesDates as date[]),
                                         cast(:eventIds as uuid[]), cast(:eventTypes as varchar[]),
                                         cast(:payloads as json[]), cast(:lineOrders as integer[]),
                                         cast(:productIds as bigint[]), cast(:optionIds as bigint[]),
                                         cast(:productNames as varchar[]), cast(:optionNames as varchar[]),
                                         cast(:unitPrices as bigint[]), cast(:quantities as integer[]))
                """), lines)
                .param("now", SqlTime.param(batchNow))
                .param("orderIds", payments.stream().map(p -> p.order().id()).toArray(String[]::new))
                .param("userIds", payments.stream().map(p -> p.order().userId()).toArray(Long[]::new))
                .param("createdAts", payments.stream().map(p -> p.order().paidAt().toString()).toArray(String[]::new))
                .param("userCouponIds", payments.stream().map(p -> p.order().userCouponId()).toArray(Long[]::new))
                .param("couponQuoted", payments.stream().map(PayNow::couponQuoted).toArray(Boolean[]::new))
                .param("discounts", payments.stream().map(p -> p.order().discountAmount()).toArray(Long[]::new))
                .param("fromCart", payments.stream().map(p -> p.order().fromCart()).toArray(Boolean[]::new))
                .param("salesDates", payments.stream().map(p -> p.event().salesDate().toString()).toArray(String[]::new))
                .param("eventIds", payments.stream().map(p -> p.event().eventId().toString()).toArray(String[]::new))
                .param("eventTypes", payments.stream().map(p -> p.event().eventType()).toArray(String[]::new))
                .param("payloads", payments.stream().map(p -> p.event().payload()).toArray(String[]::new))
                .param("lineOrders", lineOrders.toArray(Integer[]::new))
                .query((RowCallbackHandler) rs -> {
                    String refusal = rs.getString("refusal");
                    Array shortOptions = rs.getArray("short_option_ids");
                    outcomes[rs.getInt("order_no") - 1] = new PaymentOutcome(
                            refusal == null ? null : PaymentOutcome.Refusal.valueOf(refusal),
                            shortOptions == null ? List.of() : List.of((Long[]) shortOptions.getArray()));
                });
        return List.of(outcomes);
    }

    @Override
    public PaymentOutcome payPending(Order paid, boolean couponQuoted, OutboxAndSales event) {
        String refusal = jdbc.sql("""
                select pay_pending_order(:id, :userId, :now, cast(:payableFrom as varchar[]),
                                         cast(:userCouponId as bigint), :couponQuoted, :discount, :salesDate,
                                         :eventId, :eventType, cast(:payload as json))
                """)
                .param("id", paid.id()).param("userId", paid.userId()).param("now", SqlTime.param(paid.paidAt()))
                .param("payableFrom", OrderStatus.PAID.from().stream().map(Enum::name).toArray(String[]::new))
                .param("userCouponId", paid.userCouponId(), Types.BIGINT).param("couponQuoted", couponQuoted)
                .param("discount", paid.discountAmount()).param("salesDate", Date.valueOf(event.salesDate()))
                .param("eventId", event.eventId()).param("eventType", event.eventType())
                .param("payload", event.payload())
                .query(String.class).list().get(0);
        return new PaymentOutcome(refusal == null ? null : PaymentOutcome.Refusal.valueOf(refusal), List.of());
    }

    @Override
    public boolean insertPending(Order order) {
        // The order row is inserted only when every line still names and prices an option of the
        // catalogue exactly as this instance's cache did (the catalogue's catalog_changed_orders).
        return withLines(jdbc.sql("""
                with inserted as (
                    insert into orders (id, user_id, status, total_amount, discount_amount, paid_amount,
                                        user_coupon_id, from_cart, created_at, expires_at, paid_at, cancelled_at)
                    select :id, :userId, 'PENDING_PAYMENT', :total, :discount, :paid, :userCouponId, :fromCart,
                           :createdAt, :expiresAt, null, null
                     where not exists (
                           select 1 from catalog_changed_orders(
                                   array_fill(1, array[cardinality(cast(:optionIds as bigint[]))]),
                                   cast(:productIds as bigint[]), cast(:optionIds as bigint[]),
                                   cast(:productNames as varchar[]), cast(:optionNames as varchar[]),
                                   cast(:unitPrices as bigint[])))
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
                """), order.lines())
                .param("id", order.id()).param("userId", order.userId())
                .param("total", order.totalAmount()).param("discount", order.discountAmount())
                .param("paid", order.paidAmount()).param("userCouponId", order.userCouponId(), Types.BIGINT)
                .param("fromCart", order.fromCart()).param("createdAt", SqlTime.param(order.createdAt()))
                .param("expiresAt", SqlTime.param(order.expiresAt()))
                .update() > 0;
    }

    @Override
    public int countPending(long userId, Instant now) {
        return jdbc.sql("""
                select count(*) from orders
                 where user_id = :userId and status = 'PENDING_PAYMENT' and expires_at > :now
                """)
                .param("userId", userId).param("now", SqlTime.param(now))
                .query(Integer.class).single();
    }

    @Override
    public void record(Order order, OutboxAndSales event) {
        List<Sale> sales = order.lines().stream()
                .map(l -> new Sale(l.productId(), event.salesSign() * l.quantity(), l.unitPrice())).toList();
        RankingSales.bind(jdbc.sql("""
                select dataplatform_record_events(array[cast(:eventId as uuid)], array[cast(:eventType as varchar)],
                                                  array[cast(:orderId as varchar)], array[cast(:payload as json)],
                                                  :createdAt),
                """ + RankingSales.RECORD), event.salesDate(), sales)
                .param("eventId", event.eventId()).param("eventType", event.eventType())
                .param("orderId", order.id()).param("payload", event.payload())
                .param("createdAt", SqlTime.param(order.cancelledAt() != null ? order.cancelledAt() : order.paidAt()))
                .query().singleRow();
    }

    /** Binds the lines as parallel arrays, in the order's line order. */
    private static StatementSpec withLines(StatementSpec statement, List<OrderLine> lines) {
        return statement
                .param("productIds", lines.stream().map(OrderLine::productId).toArray(Long[]::new))
                .param("optionIds", lines.stream().map(OrderLine::optionId).toArray(Long[]::new))
                .param("productNames", lines.stream().map(OrderLine::productName).toArray(String[]::new))
                .param("optionNames", lines.stream().map(OrderLine::optionName).toArray(String[]::new))
                .param("unitPrices", lines.stream().map(OrderLine::unitPrice).toArray(Long[]::new))
                .param("quantities", lines.stream().map(l -> (int) l.quantity()).toArray(Integer[]::new));
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
    public Optional<Order> markCancelled(String orderId, long userId, Instant now) {
        return jdbc.sql("""
                with previous as (
                    select id, status, paid_at, cancelled_at from orders
                     where id = :id and user_id = :userId and %s
                       for update
                ), o as (
                    update orders c set status = '%s', cancelled_at = :now
                      from previous p
                     where c.id = p.id
                    returning c.id, c.user_id, p.status, c.total_amount, c.discount_amount, c.user_coupon_id,
                              c.from_cart, c.created_at, c.expires_at, p.paid_at, p.cancelled_at
                )
                select\s""".formatted(statusFrom(OrderStatus.CANCELLED), OrderStatus.CANCELLED.name()) + ORDER_COLUMNS
                + """
                  from o join order_line l on l.order_id = o.id
                 order by l.line_no
                """)
                .param("id", orderId).param("userId", userId).param("now", SqlTime.param(now))
                .query(JdbcOrderRepository::orders).stream().findFirst();
    }

    /**
     * {@code status in ('A', ...)}: the states {@code target} may be reached from, written as
     * literals so that the planner can use the partial index on pending orders.
     */
    private static String statusFrom(OrderStatus target) {
        return "status in (" + target.from().stream().map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Parameters {@code :now}, {@code :limit}, {@code :skipped}. Run every second on tables that only
     * grow, under {@link IndexScans}: due orders come from the pending-expiry index, and their lines
     * by one primary-key probe per order. No {@code order by} over the join: with sorts off it made
     * the planner walk all of {@code order_line} in key order on every sweep, due orders or not
     * ({@code OrderExpiryPlanIntegrationTest}); {@link #orders} puts lines in order instead.
     */
    static final String EXPIRE_DUE = """
            with due as (
                select id, status from orders
                 where %s and expires_at <= :now and id <> all(cast(:skipped as varchar[]))
                 order by expires_at
                 limit :limit
                   for update skip locked
            ), o as (
                update orders e set status = '%s' from due where e.id = due.id
                returning e.id, e.user_id, due.status, e.total_amount, e.discount_amount, e.user_coupon_id,
                          e.from_cart, e.created_at, e.expires_at, e.paid_at, e.cancelled_at
            )
            select\s""".formatted(statusFrom(OrderStatus.EXPIRED), OrderStatus.EXPIRED.name()) + ORDER_COLUMNS + """
              from o join order_line l on l.order_id = o.id
            """;

    @Override
    public List<Order> expireDue(Instant now, int limit, Collection<String> skipped) {
        return indexScans.during(() -> jdbc.sql(EXPIRE_DUE)
                .param("now", SqlTime.param(now)).param("limit", limit)
                .param("skipped", skipped.toArray(String[]::new))
                .query(JdbcOrderRepository::orders));
    }

    /** Folds rows of (order columns + one line) into orders, in the rows' order, each order's lines by line number. */
    private static List<Order> orders(ResultSet rs) throws SQLException {
        Map<String, Order> orders = new LinkedHashMap<>();
        Map<String, List<OrderLine>> lines = new LinkedHashMap<>();
        Map<String, SortedMap<Integer, OrderLine>> numbered = new HashMap<>();
        while (rs.next()) {
            String id = rs.getString("id");
            if (!orders.containsKey(id)) {
                long couponId = rs.getLong("user_coupon_id");
                Long userCouponId = rs.wasNull() ? null : couponId;
                List<OrderLine> orderLines = new ArrayList<>();
                lines.put(id, orderLines);
                numbered.put(id, new TreeMap<>());
                orders.put(id, new Order(id, rs.getLong("user_id"), OrderStatus.valueOf(rs.getString("status")),
                        orderLines, rs.getLong("total_amount"), rs.getLong("discount_amount"), userCouponId,
                        rs.getBoolean("from_cart"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "expires_at"),
                        SqlTime.read(rs, "paid_at"), SqlTime.read(rs, "cancelled_at")));
            }
            numbered.get(id).put(rs.getInt("line_no"), new OrderLine(rs.getLong("product_id"), rs.getLong("option_id"),
                    rs.getString("product_name"), rs.getString("option_name"), rs.getLong("unit_price"),
                    rs.getLong("quantity")));
        }
        numbered.forEach((id, byNumber) -> lines.get(id).addAll(byNumber.values()));
        return List.copyOf(orders.values());
    }
}
