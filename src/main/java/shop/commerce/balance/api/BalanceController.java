package shop.commerce.balance.api;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
import shop.commerce.balance.application.BalanceQueries;
import shop.commerce.balance.application.ChargeBalanceCommand;
import shop.commerce.balance.application.ChargeBalanceService;
import shop.commerce.support.idempotency.IdempotentRequests;
import shop.commerce.support.openapi.ProblemCodes;
import shop.commerce.support.paging.PageQuery;
import shop.commerce.support.paging.PageResponse;
import shop.commerce.support.ratelimit.RateLimitedOperation;
import shop.commerce.support.ratelimit.UserRateLimiter;
import shop.commerce.support.web.RequestValidation;

@RestController
@RequestMapping("/api/v1/users/{userId}/balance")
@Tag(name = "Balance", description = "Prepaid balance and its ledger")
class BalanceController {

    private final ChargeBalanceService chargeBalance;
    private final BalanceQueries queries;
    private final IdempotentRequests idempotentRequests;
    private final UserRateLimiter rateLimiter;
    private final RequestValidation validation;

    BalanceController(ChargeBalanceService chargeBalance, BalanceQueries queries,
            IdempotentRequests idempotentRequests, UserRateLimiter rateLimiter, RequestValidation validation) {
        this.rateLimiter = rateLimiter;
        this.validation = validation;
        this.chargeBalance = chargeBalance;
        this.queries = queries;
        this.idempotentRequests = idempotentRequests;
    }

    @GetMapping
    @Operation(summary = "Read a user's balance (0 for a user never charged)")
    BalanceResponse balance(@PathVariable @Positive long userId) {
        return new BalanceResponse(userId, queries.balanceOf(userId));
    }

    @PostMapping("/charge")
    @ProblemCodes({ "INVALID_CHARGE_AMOUNT", "BALANCE_LIMIT_EXCEEDED", "RATE_LIMITED" })
    @Operation(summary = "Charge a user's balance")
    @ApiResponse(responseCode = "200", description = "The new balance",
            content = @Content(schema = @Schema(implementation = ChargeBalanceResponse.class)))
    @Parameter(in = ParameterIn.HEADER, name = IdempotentRequests.HEADER, required = false)
    ResponseEntity<?> charge(@PathVariable @Positive long userId, @RequestBody ChargeBalanceRequest request,
            HttpServletRequest httpRequest) {
        validation.validateForCaller(request.userId(), request);
        return idempotentRequests.execute(httpRequest, userId,
                () -> rateLimiter.acquire(RateLimitedOperation.CHARGES, userId),
                () -> ResponseEntity.ok(ChargeBalanceResponse.from(
                        chargeBalance.charge(new ChargeBalanceCommand(userId, request.amount())))));
    }

    @GetMapping("/transactions")
    @Operation(summary = "A user's balance transactions, newest first")
    PageResponse<BalanceTransactionResponse> transactions(@PathVariable @Positive long userId,
            @ParameterObject @Valid PageQuery page) {
        return queries.transactions(userId, page).map(BalanceTransactionResponse::from);
    }
}
