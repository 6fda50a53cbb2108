package shop.commerce.order.api;

import java.util.Optional;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import shop.commerce.order.application.CancelOrderService;
import shop.commerce.order.application.IdempotentOrder;
import shop.commerce.order.application.PlaceOrderCommand;
import shop.commerce.order.application.OrderMetrics;
import shop.commerce.order.application.OrderQueries;
import shop.commerce.order.application.PayOrderService;
import shop.commerce.order.application.PaymentCoupon;
import shop.commerce.order.application.PlaceOrderService;
import shop.commerce.support.idempotency.IdempotentRequests;
import shop.commerce.support.openapi.ProblemCodes;
import shop.commerce.support.ratelimit.RateLimitedOperation;
import shop.commerce.support.ratelimit.UserRateLimiter;
import shop.commerce.support.access.Caller;
import shop.commerce.support.security.CurrentUser;
import shop.commerce.support.paging.PageQuery;
import shop.commerce.support.paging.PageResponse;
import shop.commerce.support.web.RequestValidation;

@RestController
@Tag(name = "Orders", description = "Orders paid from the balance, at once or reserve-then-pay")
class OrderController {

    private final PlaceOrderService placeOrder;
    private final PayOrderService payOrder;
    private final CancelOrderService cancelOrder;
    private final OrderQueries queries;
    private final IdempotentRequests idempotentRequests;
    private final UserRateLimiter rateLimiter;
    private final RequestValidation validation;
    private final OrderMetrics metrics;

    OrderController(PlaceOrderService placeOrder, PayOrderService payOrder, CancelOrderService cancelOrder,
            OrderQueries queries, IdempotentRequests idempotentRequests, UserRateLimiter rateLimiter,
            RequestValidation validation, OrderMetrics metrics) {
        this.placeOrder = placeOrder;
        this.payOrder = payOrder;
        this.cancelOrder = cancelOrder;
        this.queries = queries;
        this.idempotentRequests = idempotentRequests;
        this.rateLimiter = rateLimiter;
        this.validation = validation;
        this.metrics = metrics;
    }

    @PostMapping("/api/v1/orders")
    @ProblemCodes({ "OPTION_REQUIRED", "PRODUCT_NOT_FOUND", "OPTION_NOT_FOUND", "TOO_MANY_PENDING_ORDERS", "OUT_OF_STOCK", "COUPON_NOT_USABLE", "INSUFFICIENT_BALANCE", "EMPTY_CART", "RATE_LIMITED" })
    @Operation(summary = "Place an order, paid at once (payNow, the default) or reserved until its deadline")
    @ApiResponse(responseCode = "201", description = "The order",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @Parameter(in = ParameterIn.HEADER, name = IdempotentRequests.HEADER, required = false)
    ResponseEntity<?> place(@RequestBody PlaceOrderRequest request, HttpServletRequest httpRequest) {
        Caller caller = CurrentUser.get();
        if (request.userId() != null) {
            caller.requireSelf(request.userId());
        }
        validation.validate(request);
        PlaceOrderCommand command = request.toCommand();
        if (!command.payNow()) {
            return idempotentRequests.execute(httpRequest, caller.id(), limit(caller),
                    () -> ResponseEntity.status(HttpStatus.CREATED)
                            .body(OrderResponse.from(queries.details(
                                    metrics.timed("place", () -> placeOrder.place(command))))));
        }
        // Paid at once, the order may be paid in a batch with others, whose transaction takes its key.
        return idempotentRequests.executeClaimed(httpRequest, caller.id(), limit(caller), claim -> {
            Optional<IdempotentOrder> idempotent = Optional.ofNullable(claim).map(c -> new IdempotentOrder(c,
                    HttpStatus.CREATED.value(), order -> OrderResponse.from(OrderQueries.OrderDetails.listed(order))));
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(OrderResponse.from(queries.details(
                            metrics.timed("place", () -> placeOrder.place(command, idempotent)))));
        });
    }

    @PostMapping("/api/v1/orders/{orderId}/payment")
    @ProblemCodes({ "ORDER_NOT_FOUND", "ORDER_NOT_PAYABLE", "OUT_OF_STOCK", "COUPON_NOT_USABLE", "INSUFFICIENT_BALANCE", "RATE_LIMITED" })
    @Operation(summary = "Pay a pending order, optionally with a coupon")
    @ApiResponse(responseCode = "200", description = "The paid order",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @Parameter(in = ParameterIn.HEADER, name = IdempotentRequests.HEADER, required = false)
    ResponseEntity<?> pay(@PathVariable String orderId, @Valid @RequestBody(required = false) PayOrderRequest request,
            HttpServletRequest httpRequest) {
        Caller caller = CurrentUser.get();
        PaymentCoupon coupon = request == null ? PaymentCoupon.QUOTED : request.coupon();
        return idempotentRequests.execute(httpRequest, caller.id(), limit(caller),
                () -> ResponseEntity.ok(OrderResponse.from(
                        queries.details(metrics.timed("pay", () -> payOrder.pay(caller, orderId, coupon))))));
    }

    @PostMapping("/api/v1/orders/{orderId}/cancel")
    @ProblemCodes({ "ORDER_NOT_FOUND", "ORDER_NOT_CANCELLABLE", "RATE_LIMITED" })
    @Operation(summary = "Cancel an order: a paid one is refunded, a pending one releases its stock")
    @ApiResponse(responseCode = "200", description = "The cancelled order",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @Parameter(in = ParameterIn.HEADER, name = IdempotentRequests.HEADER, required = false)
    ResponseEntity<?> cancel(@PathVariable String orderId, HttpServletRequest httpRequest) {
        Caller caller = CurrentUser.get();
        return idempotentRequests.execute(httpRequest, caller.id(), limit(caller),
                () -> ResponseEntity.ok(OrderResponse.from(
                        queries.details(metrics.timed("cancel", () -> cancelOrder.cancel(caller, orderId))))));
    }

    @GetMapping("/api/v1/orders/{orderId}")
    @ProblemCodes({ "ORDER_NOT_FOUND" })
    @Operation(summary = "One order; a pending one lists the coupons that could pay it")
    OrderResponse order(@PathVariable String orderId) {
        return OrderResponse.from(queries.get(CurrentUser.get(), orderId));
    }

    @GetMapping("/api/v1/users/{userId}/orders")
    @Operation(summary = "A user's orders, newest first")
    PageResponse<OrderResponse> orders(@PathVariable @Positive long userId, @ParameterObject @Valid PageQuery page) {
        return queries.byUser(userId, page).map(order -> OrderResponse.from(OrderQueries.OrderDetails.listed(order)));
    }

    private Runnable limit(Caller caller) {
        return () -> rateLimiter.acquire(RateLimitedOperation.ORDERS, caller.id());
    }
}
