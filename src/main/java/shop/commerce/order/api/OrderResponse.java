package shop.commerce.order.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import shop.commerce.coupon.CouponApi.CouponDiscount;
import shop.commerce.order.application.OrderQueries.OrderDetails;
import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderLine;
import shop.commerce.order.domain.OrderStatus;

record OrderResponse(String orderId, long userId, OrderStatus status, List<Item> items, long totalAmount,
        long discountAmount, long paidAmount, Long userCouponId, Instant createdAt, Instant expiresAt,
        Instant paidAt, Instant cancelledAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<UsableCoupon> usableCoupons) {

    record Item(long productId, long optionId, String productName, String optionName, long unitPrice, long quantity,
            long lineAmount) {
    }

    record UsableCoupon(long userCouponId, String name, long discountAmount) {
    }

    static OrderResponse from(OrderDetails details) {
        Order order = details.order();
        List<UsableCoupon> usable = details.usableCoupons()
                .map(coupons -> coupons.stream().map(OrderResponse::usable).toList()).orElse(null);
        return new OrderResponse(order.id(), order.userId(), order.status(),
                order.lines().stream().map(OrderResponse::item).toList(), order.totalAmount(),
                order.wasPaid() ? order.discountAmount() : 0, order.wasPaid() ? order.paidAmount() : 0,
                order.userCouponId(), order.createdAt(),
                order.expiresAt(), order.paidAt(), order.cancelledAt(), usable);
    }

    private static Item item(OrderLine line) {
        return new Item(line.productId(), line.optionId(), line.productName(), line.optionName(), line.unitPrice(),
                line.quantity(), line.lineAmount());
    }

    private static UsableCoupon usable(CouponDiscount coupon) {
        return new UsableCoupon(coupon.userCouponId(), coupon.name(), coupon.discountAmount());
    }
}
