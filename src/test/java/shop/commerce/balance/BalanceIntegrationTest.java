package shop.commerce.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import shop.commerce.testing.IntegrationTestSupport;

class BalanceIntegrationTest extends IntegrationTestSupport {

    @Test
    void aUserNeverChargedHasABalanceOfZero() {
        asUser(7).get("/api/v1/users/7/balance")
                .then().statusCode(200).body("userId", equalTo(7)).body("balance", equalTo(0));
    }

    @Test
    void chargingAddsTheAmountAndReturnsTheLedgerRow() {
        asUser(1).body("{\"amount\":10000}").post("/api/v1/users/1/balance/charge")
                .then().statusCode(200)
                .body("userId", equalTo(1)).body("balance", equalTo(10000))
                .body("chargedAmount", equalTo(10000)).body("transactionId", notNullValue());
        asUser(1).body("{\"amount\":5000}").post("/api/v1/users/1/balance/charge")
                .then().statusCode(200).body("balance", equalTo(15000));

        asUser(1).get("/api/v1/users/1/balance").then().statusCode(200).body("balance", equalTo(15000));
        ledger().assertMatchesBalance(1);
    }

    @Test
    void listsTransactionsNewestFirstWithPaging() {
        for (long amount : new long[] { 1000, 2000, 3000 }) {
            asUser(1).body("{\"amount\":" + amount + "}").post("/api/v1/users/1/balance/charge").then().statusCode(200);
        }
        asUser(1).get("/api/v1/users/1/balance/transactions?page=0&size=2")
                .then().statusCode(200)
                .body("content", hasSize(2))
                .body("content.amount", contains(3000, 2000))
                .body("content.balanceAfter", contains(6000, 3000))
                .body("content[0].type", equalTo("CHARGE"))
                .body("content[0].orderId", nullValue())
                .body("content[0].createdAt", notNullValue())
                .body("page", equalTo(0)).body("size", equalTo(2))
                .body("totalElements", equalTo(3)).body("totalPages", equalTo(2));
        asUser(1).get("/api/v1/users/1/balance/transactions?page=1&size=2")
                .then().statusCode(200).body("content.amount", contains(1000));
        asUser(1).get("/api/v1/users/1/balance/transactions?page=5")
                .then().statusCode(200).body("content", hasSize(0)).body("totalElements", equalTo(3));
    }

    @ParameterizedTest
    @ValueSource(strings = { "page=-1", "page=10001", "size=0", "size=101" })
    void rejectsPagingOutOfBounds(String query) {
        asUser(1).get("/api/v1/users/1/balance/transactions?" + query)
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors", notNullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = { "page=abc", "size=1.5", "page=99999999999" })
    void rejectsUnreadablePagingParameters(String query) {
        asUser(1).get("/api/v1/users/1/balance/transactions?" + query)
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void aChargeOutsideThePolicyIsABadRequestAndOverTheLimitAConflict() {
        fixtures().balances(1, 1, 9_999_000);
        asUser(1).body("{\"amount\":999}").post("/api/v1/users/1/balance/charge")
                .then().statusCode(400).body("code", equalTo("INVALID_CHARGE_AMOUNT"));
        asUser(1).body("{\"amount\":1000}").post("/api/v1/users/1/balance/charge")
                .then().statusCode(200).body("balance", equalTo(10_000_000));
        asUser(1).body("{\"amount\":1000}").post("/api/v1/users/1/balance/charge")
                .then().statusCode(409).body("code", equalTo("BALANCE_LIMIT_EXCEEDED"));
        assertThat(ledger().rows(1)).isEqualTo(2);
        ledger().assertMatchesBalance(1);
    }

    @Test
    void rejectsAChargeWithoutAnAmount() {
        asUser(1).body("{}").post("/api/v1/users/1/balance/charge")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("amount"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"amount\":\"ten\"}", "{\"amount\":99999999999999999999}", "{\"amount\":10.5}",
            "{\"amount\":", "not json", "[1000]" })
    void rejectsUnreadableChargeBodies(String body) {
        asUser(1).body(body).post("/api/v1/users/1/balance/charge")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        assertThat(ledger().rows(1)).isZero();
    }

    @Test
    void aUserCannotTouchAnotherUsersBalance() {
        asUser(2).get("/api/v1/users/1/balance").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        asUser(2).get("/api/v1/users/1/balance/transactions").then().statusCode(403);
        asUser(2).body("{\"amount\":1000}").post("/api/v1/users/1/balance/charge")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        assertThat(ledger().rows(1)).isZero();
    }

    @Test
    void anAdministratorMayReadButNotChargeAnotherUsersBalance() {
        asUser(1).body("{\"amount\":1000}").post("/api/v1/users/1/balance/charge").then().statusCode(200);
        asAdmin(99).get("/api/v1/users/1/balance").then().statusCode(200).body("balance", equalTo(1000));
        asAdmin(99).get("/api/v1/users/1/balance/transactions").then().statusCode(200);
        asAdmin(99).body("{\"amount\":1000}").post("/api/v1/users/1/balance/charge").then().statusCode(403);
    }

    @Test
    void balanceEndpointsRequireAToken() {
        anonymous().get("/api/v1/users/1/balance").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        anonymous().body("{\"amount\":1000}").post("/api/v1/users/1/balance/charge").then().statusCode(401);
    }

    private Ledger ledger() {
        return new Ledger(jdbc);
    }
}
