package shop.commerce.consistency.infrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import shop.commerce.consistency.domain.ConsistencyCheck;
import shop.commerce.consistency.domain.ConsistencyChecks;
import shop.commerce.consistency.domain.Violation;
import shop.commerce.support.persistence.SqlTime;

/**
 * Each check is one read-only statement that returns only the rows breaking the invariant. They scan
 * whole tables (a reconciliation has to), so they run every few minutes, not per request.
 */
@Repository
class JdbcConsistencyChecks implements ConsistencyChecks {

    /** Each order's ORDER_PAID and ORDER_CANCELLED events in the outbox since {@code :cutoff}. */
    private static final String EVENTS_SINCE_CUTOFF = """
            with events as (
                select order_id,
                       count(*) filter (where event_type = 'ORDER_PAID') as paid,
                       count(*) filter (where event_type = 'ORDER_CANCELLED') as cancelled
                  from data_platform_outbox
                 where created_at >= :cutoff
                 group by order_id
            )
            """;

    /** How long past its expiry an order may stay pending before the sweeper is deemed to have failed it. */
    private static final Duration EXPIRY_GRACE = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    JdbcConsistencyChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Violation> run(ConsistencyCheck check, Scope scope) {
        return switch (check) {
            case BALANCE_EQUALS_LEDGER -> balances(scope);
            case LEDGER_RUNNING_TOTALS_HOLD -> runningTotals(scope);
            case PAID_ORDERS_MATCH_DEBITS -> ledgerEntriesOfOrders(check, "PAYMENT", "paid_at is not null", "debits",
                    scope);
            case CANCELLED_ORDERS_MATCH_REFUNDS -> ledgerEntriesOfOrders(check, "REFUND",
                    "status = 'CANCELLED' and paid_at is not null", "refunds", scope);
            case STOCK_MATCHES_ORDERS -> stock(scope);
            case STOCK_MATCHES_RECEIPTS -> stockReceipts(scope);
            case COUPON_ISSUES_MATCH_QUOTA -> couponQuotas(scope);
            case USED_COUPONS_MATCH_PAID_ORDERS -> usedCoupons(scope);
            case ORDER_EVENTS_IN_OUTBOX -> concat(outbox(scope), eventsWithoutPayment(scope));
            case SALES_STATISTICS_MATCH_ORDERS -> sales(scope);
            case ORDERS_EXPIRE_ON_TIME -> overduePending(scope);
        };
    }

    private static List<Violation> concat(List<Violation> first, List<Violation> second) {
        List<Violation> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private List<Violation> balances(Scope scope) {
        return jdbc.sql("""
                select coalesce(b.user_id, l.user_id) as user_id, b.balance, coalesce(l.total, 0) as ledger
                  from user_balance b
                  full join (select user_id, sum(amount) as total from balance_transaction group by user_id) l
                    on l.user_id = b.user_id
                 where coalesce(b.balance, 0) <> coalesce(l.total, 0) or b.balance < 0
                 order by 1
                 limit :limit
                """)
                .param("limit", scope.limit())
                .query((rs, n) -> {
                    long balance = rs.getLong("balance");
                    String shown = rs.wasNull() ? "none" : Long.toString(balance);
                    return new Violation(ConsistencyCheck.BALANCE_EQUALS_LEDGER, "user " + rs.getLong("user_id"),
                            "balance " + shown + ", ledger " + rs.getLong("ledger"));
                })
                .list();
    }

    private List<Violation> runningTotals(Scope scope) {
        // A user's ledger rows are inserted under the lock of their balance row, so their ids ascend
        // in the order the balance changed. Only the first broken row of each user is reported: an
        // amount changed by hand breaks every running total after it.
        return jdbc.sql("""
                select distinct on (user_id) user_id, id, balance_after, running_total
                  from (select user_id, id, balance_after,
                               sum(amount) over (partition by user_id order by id) as running_total
                          from balance_transaction) t
                 where balance_after <> running_total
                 order by user_id, id
                 limit :limit
                """)
                .param("limit", scope.limit())
                .query((rs, n) -> new Violation(ConsistencyCheck.LEDGER_RUNNING_TOTALS_HOLD,
                        "user " + rs.getLong("user_id"), "ledger row " + rs.getLong("id") + ": balance_after "
                                + rs.getLong("balance_after") + ", running total " + rs.getLong("running_total")))
                .list();
    }

    /**
     * Ledger rows of one type against the orders that must have exactly one each: an order with a
     * positive paid amount needs one row of that amount and user, an order paid wholly by its coupon
     * none; a row of an order outside {@code owingOrders} (or of none, or of another user) is reported too.
     */
    private List<Violation> ledgerEntriesOfOrders(ConsistencyCheck check, String type, String owingOrders,
            String entries, Scope scope) {
        return jdbc.sql("""
                with entries as (
                    select order_id, user_id, count(*) as entries, sum(abs(amount)) as amount
                      from balance_transaction
                     where type = :type
                     group by order_id, user_id
                ), owing as (
                    select id, user_id, status, paid_amount from orders where %s
                )
                select coalesce(o.id, e.order_id) as order_id, coalesce(o.user_id, e.user_id) as user_id,
                       o.status, o.paid_amount, coalesce(e.entries, 0) as entries, coalesce(e.amount, 0) as amount,
                       x.id as other_order_id, x.user_id as other_user_id, x.status as other_status,
                       x.paid_at is null as never_paid
                  from owing o
                  full join entries e on e.order_id = o.id and e.user_id = o.user_id
                  left join orders x on o.id is null and x.id = e.order_id
                 where case when o.id is null then true
                            when o.paid_amount = 0 then e.order_id is not null
                            else coalesce(e.entries, 0) <> 1 or e.amount <> o.paid_amount end
                 order by 1, 2
                 limit :limit
                """.formatted(owingOrders))
                .param("type", type).param("limit", scope.limit())
                .query((rs, n) -> {
                    String orderId = rs.getString("order_id");
                    String found = entries + ": " + rs.getLong("entries") + " for " + rs.getLong("amount") + " KRW";
                    String status = rs.getString("status");
                    if (status != null) {
                        return new Violation(check, "order " + orderId,
                                status + " for " + rs.getLong("paid_amount") + " KRW; " + found);
                    }
                    long userId = rs.getLong("user_id");
                    if (orderId == null) {
                        return new Violation(check, "user " + userId, found + ", naming no order");
                    }
                    String order;
                    if (rs.getString("other_order_id") == null) {
                        order = "which does not exist";
                    } else if (rs.getLong("other_user_id") != userId) {
                        order = "which is user " + rs.getLong("other_user_id") + "'s";
                    } else {
                        order = "which is " + rs.getString("other_status")
                                + (rs.getBoolean("never_paid") ? " and was never paid" : "");
                    }
                    return new Violation(check, "order " + orderId, found + " of user " + userId + ", " + order);
                })
                .list();
    }

    private List<Violation> stock(Scope scope) {
        return jdbc.sql("""
                select coalesce(s.option_id, p.option_id) as option_id, s.total, s.reserved,
                       coalesce(p.quantity, 0) as pending
                  from option_stock s
                  full join (select l.option_id, sum(l.quantity) as quantity
                               from orders o join order_line l on l.order_id = o.id
                              where o.status = 'PENDING_PAYMENT'
                              group by l.option_id) p
                    on p.option_id = s.option_id
                 where s.option_id is null or s.total < 0 or s.reserved < 0 or s.reserved > s.total
                    or s.reserved <> coalesce(p.quantity, 0)
                 order by 1
                 limit :limit
                """)
                .param("limit", scope.limit())
                .query((rs, n) -> {
                    long total = rs.getLong("total");
                    String stock = rs.wasNull() ? "no stock row"
                            : "total " + total + ", reserved " + rs.getLong("reserved");
                    return new Violation(ConsistencyCheck.STOCK_MATCHES_ORDERS, "option " + rs.getLong("option_id"),
                            stock + ", pending orders hold " + rs.getLong("pending"));
                })
                .list();
    }

    private List<Violation> stockReceipts(Scope scope) {
        return jdbc.sql("""
                with received as (
                    select option_id, sum(quantity) as quantity from stock_receipt group by option_id
                ), sold as (
                    select l.option_id, sum(l.quantity) as quantity
                      from orders o join order_line l on l.order_id = o.id
                     where o.status = 'PAID'
                     group by l.option_id
                )
                select s.option_id, s.total, coalesce(r.quantity, 0) as received, coalesce(p.quantity, 0) as sold
                  from option_stock s
                  left join received r on r.option_id = s.option_id
                  left join sold p on p.option_id = s.option_id
                 where s.total <> coalesce(r.quantity, 0) - coalesce(p.quantity, 0)
                 order by 1
                 limit :limit
                """)
                .param("limit", scope.limit())
                .query((rs, n) -> new Violation(ConsistencyCheck.STOCK_MATCHES_RECEIPTS,
                        "option " + rs.getLong("option_id"), "total " + rs.getLong("total") + ", received "
                                + rs.getLong("received") + ", paid orders hold " + rs.getLong("sold")))
                .list();
    }

    private List<Violation> couponQuotas(Scope scope) {
        return jdbc.sql("""
                select c.id, c.issued_quantity, c.total_quantity, count(u.id) as issued
                  from coupon c left join user_coupon u on u.coupon_id = c.id
                 group by c.id
                having c.issued_quantity <> count(u.id) or count(u.id) > c.total_quantity
                    or c.issued_quantity > c.total_quantity
                 order by c.id
                 limit :limit
                """)
                .param("limit", scope.limit())
                .query((rs, n) -> new Violation(ConsistencyCheck.COUPON_ISSUES_MATCH_QUOTA, "coupon " + rs.getLong("id"),
                        "issued_quantity " + rs.getLong("issued_quantity") + ", user coupons " + rs.getLong("issued")
                                + ", quota " + rs.getLong("total_quantity")))
                .list();
    }

    private List<Violation> usedCoupons(Scope scope) {
        return jdbc.sql("""
                with paid as (
                    select user_coupon_id, count(*) as orders from orders
                     where status = 'PAID' and user_coupon_id is not null
                     group by user_coupon_id
                )
                (select 'user coupon ' || u.id as subject,
                        case when o.id is null then 'USED by order ' || u.order_id || ', which does not exist'
                             when o.status <> 'PAID' then 'USED by order ' || o.id || ', which is ' || o.status
                             when o.user_id <> u.user_id then 'USED by order ' || o.id || ' of another user'
                             when o.user_coupon_id is distinct from u.id
                                 then 'USED by order ' || o.id || ', which names no such coupon'
                             else 'USED, and ' || coalesce(p.orders, 0) || ' paid orders name it' end as detail
                   from user_coupon u
                   left join orders o on o.id = u.order_id
                   left join paid p on p.user_coupon_id = u.id
                  where u.used_at is not null
                    and (o.id is null or o.status <> 'PAID' or o.user_id <> u.user_id
                         or o.user_coupon_id is distinct from u.id or coalesce(p.orders, 0) <> 1)
                  order by u.id
                  limit :limit)
                union all
                (select 'order ' || o.id,
                        case when u.id is null then 'PAID with user coupon ' || o.user_coupon_id || ', which does not exist'
                             else 'PAID with user coupon ' || u.id || ', which is not marked used by it' end
                   from orders o left join user_coupon u on u.id = o.user_coupon_id
                  where o.status = 'PAID' and o.user_coupon_id is not null
                    and (u.id is null or u.used_at is null or u.order_id is distinct from o.id)
                  order by o.id
                  limit :limit)
                """)
                .param("limit", scope.limit())
                .query((rs, n) -> new Violation(ConsistencyCheck.USED_COUPONS_MATCH_PAID_ORDERS, rs.getString(1),
                        rs.getString(2)))
                .list();
    }

    private List<Violation> outbox(Scope scope) {
        // Published events are purged after the retention period: only payments and cancellations
        // after the cutoff must still have theirs. An event is recorded in the transaction of its
        // payment or cancellation, so it is never older than the order's paid_at or cancelled_at.
        return jdbc.sql(EVENTS_SINCE_CUTOFF + """
                select o.id, o.status, o.paid_at >= :cutoff as paid_in_window, coalesce(e.paid, 0) as paid_events,
                       coalesce(e.cancelled, 0) as cancelled_events
                  from orders o left join events e on e.order_id = o.id
                 where o.paid_at is not null and (o.paid_at >= :cutoff or o.cancelled_at >= :cutoff)
                   and ((o.paid_at >= :cutoff and coalesce(e.paid, 0) <> 1)
                        or (o.status = 'CANCELLED' and coalesce(e.cancelled, 0) <> 1)
                        or (o.status = 'PAID' and coalesce(e.cancelled, 0) <> 0))
                 order by o.id
                 limit :limit
                """)
                .param("cutoff", SqlTime.param(scope.outboxCutoff())).param("limit", scope.limit())
                .query((rs, n) -> new Violation(ConsistencyCheck.ORDER_EVENTS_IN_OUTBOX, "order " + rs.getString("id"),
                        rs.getString("status") + " with " + (rs.getBoolean("paid_in_window")
                                ? rs.getLong("paid_events") + " ORDER_PAID and " : "")
                                + rs.getLong("cancelled_events") + " ORDER_CANCELLED events in the outbox"))
                .list();
    }

    private List<Violation> eventsWithoutPayment(Scope scope) {
        // the other direction: an event in the window whose order was never paid, or does not exist
        return jdbc.sql(EVENTS_SINCE_CUTOFF + """
                select e.order_id, e.paid, e.cancelled, o.id is not null as order_exists, o.status
                  from events e left join orders o on o.id = e.order_id
                 where o.id is null or o.paid_at is null
                 order by e.order_id
                 limit :limit
                """)
                .param("cutoff", SqlTime.param(scope.outboxCutoff())).param("limit", scope.limit())
                .query((rs, n) -> new Violation(ConsistencyCheck.ORDER_EVENTS_IN_OUTBOX,
                        "order " + rs.getString("order_id"),
                        rs.getLong("paid") + " ORDER_PAID and " + rs.getLong("cancelled")
                                + " ORDER_CANCELLED events in the outbox, " + (rs.getBoolean("order_exists")
                                        ? "but the order is " + rs.getString("status") + " and was never paid"
                                        : "but no such order")))
                .list();
    }

    private List<Violation> overduePending(Scope scope) {
        // reads the pending-expiry index alone, like the sweeper it watches
        return jdbc.sql("""
                select id, expires_at from orders
                 where status = 'PENDING_PAYMENT' and expires_at < :overdue
                 order by expires_at
                 limit :limit
                """)
                .param("overdue", SqlTime.param(scope.now().minus(EXPIRY_GRACE))).param("limit", scope.limit())
                .query((rs, n) -> new Violation(ConsistencyCheck.ORDERS_EXPIRE_ON_TIME, "order " + rs.getString("id"),
                        "still PENDING_PAYMENT, expired at " + SqlTime.read(rs, "expires_at")))
                .list();
    }

    private List<Violation> sales(Scope scope) {
        // The aggregator deletes ranking_sale rows as it adds them to product_sales_daily, in one
        // statement, so the two together always hold every sale recorded; in one snapshot they must
        // equal the lines of the orders still PAID, by payment day (a cancellation's negative sale
        // cancels its payment's on that same day).
        SqlZone zone = SqlZone.of(scope.zone());
        return jdbc.sql("""
                with recorded as (
                    select sales_date, product_id, sum(quantity) as quantity, sum(revenue) as revenue
                      from (select sales_date, product_id, quantity, revenue from product_sales_daily
                            union all
                            select sales_date, product_id, quantity, revenue from ranking_sale) r
                     group by sales_date, product_id
                ), sold as (
                    select cast(o.paid_at at time zone %s as date) as sales_date, l.product_id,
                           sum(l.quantity) as quantity, sum(l.line_amount) as revenue
                      from orders o join order_line l on l.order_id = o.id
                     where o.status = 'PAID'
                     group by 1, 2
                )
                select coalesce(r.sales_date, s.sales_date) as sales_date,
                       coalesce(r.product_id, s.product_id) as product_id,
                       coalesce(r.quantity, 0) as recorded_quantity, coalesce(r.revenue, 0) as recorded_revenue,
                       coalesce(s.quantity, 0) as sold_quantity, coalesce(s.revenue, 0) as sold_revenue
                  from recorded r
                  full join sold s on s.sales_date = r.sales_date and s.product_id = r.product_id
                 where coalesce(r.quantity, 0) <> coalesce(s.quantity, 0)
                    or coalesce(r.revenue, 0) <> coalesce(s.revenue, 0)
                 order by 1, 2
                 limit :limit
                """.formatted(zone.expression()))
                .param("zone", zone.value()).param("limit", scope.limit())
                .query((rs, n) -> new Violation(ConsistencyCheck.SALES_STATISTICS_MATCH_ORDERS,
                        "product " + rs.getLong("product_id") + " on " + rs.getDate("sales_date").toLocalDate(),
                        "statistics " + rs.getLong("recorded_quantity") + " sold for " + rs.getLong("recorded_revenue")
                                + " KRW, paid orders " + rs.getLong("sold_quantity") + " for "
                                + rs.getLong("sold_revenue") + " KRW"))
                .list();
    }
}
