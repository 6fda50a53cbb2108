package shop.commerce.coupon.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import shop.commerce.coupon.application.CouponQueries;
import shop.commerce.support.openapi.ProblemCodes;

@RestController
@Tag(name = "Coupons", description = "First-come coupons: definitions, issuing and a user's coupons")
class CouponController {

    private final CouponQueries queries;

    CouponController(CouponQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/coupons/{couponId}")
    @ProblemCodes({ "COUPON_NOT_FOUND" })
    @Operation(summary = "Read a coupon, with how many were issued and remain (public)")
    @SecurityRequirements
    CouponResponse coupon(@PathVariable @Positive long couponId) {
        return CouponResponse.from(queries.coupon(couponId));
    }
}
