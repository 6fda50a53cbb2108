package shop.commerce.consistency.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import shop.commerce.consistency.application.ConsistencyCheckService;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;
import shop.commerce.support.openapi.ProblemCodes;

@RestController
@RequestMapping("/api/v1/admin/consistency-checks")
@Tag(name = "Operations", description = "Consistency verification (administrators only)")
class ConsistencyCheckController {

    private final ConsistencyCheckService service;

    ConsistencyCheckController(ConsistencyCheckService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Run every consistency check now and record the result; reads only, never changes data")
    @ApiResponse(responseCode = "200", description = "The result of the run")
    ConsistencyCheckResponse run() {
        return ConsistencyCheckResponse.from(service.runNow());
    }

    @GetMapping("/latest")
    @ProblemCodes({ "NOT_FOUND" })
    @Operation(summary = "The last recorded consistency run, scheduled or on demand")
    @ApiResponse(responseCode = "200", description = "The last result")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no run has been recorded yet")
    ConsistencyCheckResponse latest() {
        return service.latest().map(ConsistencyCheckResponse::from).orElseThrow(
                () -> new BusinessException(CommonErrorCode.NOT_FOUND, "No consistency check has run yet"));
    }
}
