package shop.commerce.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import shop.commerce.support.security.Role;
import shop.commerce.testing.ConcurrentRequests;
import shop.commerce.testing.ConcurrentRequests.Call;
import shop.commerce.testing.ConcurrentRequests.Result;
import shop.commerce.testing.IntegrationTestSupport;

/** One idempotency key sent by fifty requests at once charges once (docs/api.md, idempotency keys). */
class ChargeIdempotencyConcurrencyTest extends IntegrationTestSupport {

    @Test
    void fiftyConcurrentRequestsWithOneIdempotencyKeyChargeOnce() throws Exception {
        String token = token(1, Role.USER);
        List<Result> results = ConcurrentRequests.run(50,
                i -> Call.post(chargeUrl(1), token, "{\"amount\":7000}").withIdempotencyKey("same-key"));

        assertThat(ledger().rows(1)).isEqualTo(1);
        assertThat(ledger().balance(1)).isEqualTo(7000);
        long transactionId = jdbc.sql("select id from balance_transaction where user_id = 1").query(Long.class).single();
        Set<Integer> statuses = results.stream().map(Result::status).collect(Collectors.toSet());
        assertThat(statuses).isSubsetOf(200, 409);
        assertThat(results).filteredOn(r -> r.status() == 200)
                .isNotEmpty()
                .allMatch(r -> r.body().contains("\"transactionId\":" + transactionId));
        assertThat(results).filteredOn(r -> r.status() == 409)
                .allMatch(r -> r.body().contains("IDEMPOTENCY_KEY_IN_PROGRESS"));
    }

    private String chargeUrl(long userId) {
        return baseUrl() + "/api/v1/users/" + userId + "/balance/charge";
    }

    private Ledger ledger() {
        return new Ledger(jdbc);
    }
}
