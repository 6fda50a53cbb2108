package shop.commerce.coupon.api;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import shop.commerce.coupon.application.CreateCouponService;
import shop.commerce.coupon.domain.Coupon;

@RestController
@Tag(name = "Coupons")
class CouponAdminController {

    private final CreateCouponService createCoupon;

    CouponAdminController(CreateCouponService createCoupon) {
        this.createCoupon = createCoupon;
    }

    @PostMapping("/api/v1/admin/coupons")
    @Operation(summary = "Create a coupon (administrators only)")
    @ApiResponse(responseCode = "201", description = "The coupon, at the Location header")
    ResponseEntity<CouponResponse> create(@Valid @RequestBody CreateCouponRequest request) {
        Coupon coupon = createCoupon.create(request.toDefinition());
        return ResponseEntity.created(URI.create("/api/v1/coupons/" + coupon.id())).body(CouponResponse.from(coupon));
    }
}
