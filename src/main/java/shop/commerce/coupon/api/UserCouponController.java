package shop.commerce.coupon.api;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import shop.commerce.coupon.application.CouponQueries;
import shop.commerce.coupon.application.IssueCouponCommand;
import shop.commerce.coupon.application.IssueCouponService;
import shop.commerce.coupon.domain.UserCouponStatus;
import shop.commerce.support.openapi.ProblemCodes;
import shop.commerce.support.web.RequestValidation;

@RestController
@RequestMapping("/api/v1/users/{userId}/coupons")
@Tag(name = "Coupons")
class UserCouponController {

    private final IssueCouponService issueCoupon;
    private final CouponQueries queries;
    private final RequestValidation validation;

    UserCouponController(IssueCouponService issueCoupon, CouponQueries queries, RequestValidation validation) {
        this.validation = validation;
        this.issueCoupon = issueCoupon;
        this.queries = queries;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemCodes({ "COUPON_NOT_FOUND", "COUPON_NOT_ISSUABLE", "COUPON_ALREADY_ISSUED", "COUPON_SOLD_OUT", "RATE_LIMITED" })
    @Operation(summary = "Issue a coupon to the user, first come first served (one per user, rate limited)")
    UserCouponResponse issue(@PathVariable @Positive long userId, @RequestBody IssueCouponRequest request) {
        validation.validateForCaller(request.userId(), request);
        return UserCouponResponse.from(issueCoupon.issue(new IssueCouponCommand(userId, request.couponId())));
    }

    @GetMapping
    @Operation(summary = "The user's coupons, newest first")
    List<UserCouponResponse> coupons(@PathVariable @Positive long userId,
            @Parameter(description = "Only coupons in this status now; all when absent")
            @RequestParam(required = false) UserCouponStatus status) {
        return queries.userCoupons(userId, status).stream().map(UserCouponResponse::from).toList();
    }
}
