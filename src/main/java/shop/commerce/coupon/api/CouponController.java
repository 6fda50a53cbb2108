package shop.commerce.coupon.api;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import shop.commerce.coupon.application.CouponQueries;
import shop.commerce.support.openapi.ProblemCodes;

@RestController
@Tag(name = "Coupons", description = "First-come coupons: definitions, issuing and a user's coupons")
class CouponController {

    private final CouponQueries queries;
    private final CouponStreams streams;

    CouponController(CouponQueries queries, CouponStreams streams) {
        this.queries = queries;
        this.streams = streams;
    }

    @GetMapping("/api/v1/coupons/{couponId}")
    @ProblemCodes({ "COUPON_NOT_FOUND" })
    @Operation(summary = "Read a coupon, with how many were issued and remain (public)")
    @SecurityRequirements
    CouponResponse coupon(@PathVariable @Positive long couponId) {
        return CouponResponse.from(queries.coupon(couponId));
    }

    @GetMapping(path = "/api/v1/coupons/{couponId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ProblemCodes({ "COUPON_NOT_FOUND" })
    @Operation(summary = "A stream of the coupon: an event 'coupon' at once and whenever its remaining quantity"
            + " changes, at most one a second (public)")
    @ApiResponse(responseCode = "200", description = "The stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = CouponResponse.class)))
    @SecurityRequirements
    SseEmitter couponEvents(@PathVariable @Positive long couponId, HttpMethod method) {
        return streams.open(couponId, CouponResponse.from(queries.coupon(couponId)), method);
    }
}
