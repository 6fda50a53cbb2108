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

class BalanceConcurrencyTest extends IntegrationTestSupport {

    @Test
    void aHundredConcurrentChargesAddUpExactly() throws Exception {
        String token = token(1, Role.USER);
        // a hundred: the burst of the user's charge bucket (commerce.rate-limit.charges)
        List<Result> results = ConcurrentRequests.run(100,
                i -> Call.post(chargeUrl(1), token, "{\"amount\":" + (1000 + i) + "}"));

        assertThat(results).allMatch(r -> r.status() == 200);
        long expected = 0;
        for (int i = 0; i < 100; i++) {
            expected += 1000 + i;
        }
        assertThat(balance(1)).isEqualTo(expected);
        assertThat(ledgerSum(1)).isEqualTo(expected);
        assertThat(ledgerRows(1)).isEqualTo(100);
    }

    @Test
    void concurrentChargesNearTheLimitNeverPassIt() throws Exception {
        jdbc.sql("insert into user_balance (user_id, balance, updated_at) values (1, 9990000, now())").update();
        jdbc.sql("""
                insert into balance_transaction (user_id, type, amount, balance_after, created_at)
                values (1, 'CHARGE', 9990000, 9990000, now())
                """).update();
        String token = token(1, Role.USER);
        List<Result> results = ConcurrentRequests.run(60, i -> Call.post(chargeUrl(1), token, "{\"amount\":1000}"));

        assertThat(results.stream().filter(r -> r.status() == 200)).hasSize(10);
        assertThat(results.stream().filter(r -> r.status() == 409))
                .hasSize(50)
                .allMatch(r -> r.body().contains("BALANCE_LIMIT_EXCEEDED"));
        assertThat(balance(1)).isEqualTo(10_000_000);
        assertThat(ledgerSum(1)).isEqualTo(10_000_000);
    }

    @Test
    void aUsersFirstChargesSentTogetherAllSucceed() throws Exception {
        String token = token(3, Role.USER);
        List<Result> results = ConcurrentRequests.run(30, i -> Call.post(chargeUrl(3), token, "{\"amount\":2000}"));

        assertThat(results).allMatch(r -> r.status() == 200);
        assertThat(balance(3)).isEqualTo(60_000);
        assertThat(ledgerSum(3)).isEqualTo(60_000);
    }

    @Test
    void fiftyConcurrentRequestsWithOneIdempotencyKeyChargeOnce() throws Exception {
        String token = token(1, Role.USER);
        List<Result> results = ConcurrentRequests.run(50,
                i -> Call.post(chargeUrl(1), token, "{\"amount\":7000}").withIdempotencyKey("same-key"));

        assertThat(ledgerRows(1)).isEqualTo(1);
        assertThat(balance(1)).isEqualTo(7000);
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

    private long balance(long userId) {
        return jdbc.sql("select balance from user_balance where user_id = :u").param("u", userId)
                .query(Long.class).single();
    }

    private long ledgerSum(long userId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from balance_transaction where user_id = :u")
                .param("u", userId).query(Long.class).single();
    }

    private long ledgerRows(long userId) {
        return jdbc.sql("select count(*) from balance_transaction where user_id = :u").param("u", userId)
                .query(Long.class).single();
    }
}
