package shop.commerce.consistency.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import shop.commerce.consistency.domain.CheckRun;

@Schema(description = "The result of a consistency run; clean is true exactly when violations is empty")
record ConsistencyCheckResponse(Instant checkedAt, boolean clean,
        @Schema(description = "The checks that ran", example = "[\"BALANCE_EQUALS_LEDGER\",\"STOCK_MATCHES_ORDERS\"]")
        List<String> checks,
        List<ViolationResponse> violations) {

    static ConsistencyCheckResponse from(CheckRun run) {
        return new ConsistencyCheckResponse(run.checkedAt(), run.clean(),
                run.checks().stream().map(Enum::name).toList(),
                run.violations().stream()
                        .map(v -> new ViolationResponse(v.check().name(), v.subject(), v.detail()))
                        .toList());
    }

    record ViolationResponse(@Schema(example = "BALANCE_EQUALS_LEDGER") String check,
            @Schema(example = "user 123") String subject,
            @Schema(example = "balance 5007, ledger 5000") String detail) {
    }
}
