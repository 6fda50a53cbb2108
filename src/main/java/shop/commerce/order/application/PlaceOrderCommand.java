package shop.commerce.order.application;

import java.util.List;

public record PlaceOrderCommand(long userId, List<RequestedLine> lines, Long userCouponId, boolean fromCart,
        boolean payNow) {
}
