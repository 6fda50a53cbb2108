package shop.commerce.order.application;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import shop.commerce.coupon.CouponApi.CouponDiscount;
import shop.commerce.coupon.CouponApi;
import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderRepository;
import shop.commerce.order.domain.OrderStatus;
import shop.commerce.support.access.Caller;
import shop.commerce.support.paging.PageQuery;
import shop.commerce.support.paging.PageResponse;

@Service
public class OrderQueries {

    private final OrderRepository orders;
    private final OrderAccess access;
    private final CouponApi coupons;

    OrderQueries(OrderRepository orders, OrderAccess access, CouponApi coupons) {
        this.orders = orders;
        this.access = access;
        this.coupons = coupons;
    }

    /** The order, and for a pending one the caller's coupons that could pay it, best first. */
    public OrderDetails get(Caller caller, String orderId) {
        Order order = access.readable(orderId, caller);
        return details(order);
    }

    /** The order, and when it is pending the user's coupons that could pay it, best first. */
    public OrderDetails details(Order order) {
        return order.status() == OrderStatus.PENDING_PAYMENT
                ? new OrderDetails(order, Optional.of(coupons.usableFor(order.userId(), order.totalAmount())))
                : OrderDetails.listed(order);
    }

    /** A user's orders, newest first. */
    public PageResponse<Order> byUser(long userId, PageQuery page) {
        return PageResponse.of(orders.findByUser(userId, page.offset(), page.size()), page,
                orders.countByUser(userId));
    }

    /** An order as the API shows it; {@code usableCoupons} only for a pending order shown on its own. */
    public record OrderDetails(Order order, Optional<List<CouponDiscount>> usableCoupons) {

        /** An order in a list: without its usable coupons. */
        public static OrderDetails listed(Order order) {
            return new OrderDetails(order, Optional.empty());
        }
    }
}
