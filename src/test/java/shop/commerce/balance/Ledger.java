package shop.commerce.balance;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A user's balance and ledger as the database holds them. */
record Ledger(JdbcClient jdbc) {

    long balance(long userId) {
        return jdbc.sql("select balance from user_balance where user_id = :u").param("u", userId)
                .query(Long.class).single();
    }

    long sum(long userId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from balance_transaction where user_id = :u")
                .param("u", userId).query(Long.class).single();
    }

    long rows(long userId) {
        return jdbc.sql("select count(*) from balance_transaction where user_id = :u").param("u", userId)
                .query(Long.class).single();
    }

    /** The balance is the sum of the ledger, and never negative. */
    void assertMatchesBalance(long userId) {
        assertThat(balance(userId)).isEqualTo(sum(userId)).isNotNegative();
    }
}
