package shop.commerce.balance.infrastructure;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import shop.commerce.balance.domain.BalanceRepository;
import shop.commerce.balance.domain.BalanceTransaction;
import shop.commerce.balance.domain.BalanceTransactionType;
import shop.commerce.support.persistence.SentChanges;
import shop.commerce.support.persistence.SqlTime;

@Repository
class JdbcBalanceRepository implements BalanceRepository {

    private final JdbcClient jdbc;

    JdbcBalanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long balanceOf(long userId) {
        return jdbc.sql("select balance from user_balance where user_id = :userId")
                .param("userId", userId)
                .query(Long.class).optional().orElse(0L);
    }

    @Override
    public Optional<LedgerEntry> charge(long userId, long amount, long maxBalance, Instant now) {
        return credit(BalanceTransactionType.CHARGE, userId, amount, null, maxBalance, now);
    }

    @Override
    public LedgerEntry refund(long userId, long amount, String orderId, Instant now) {
        return credit(BalanceTransactionType.REFUND, userId, amount, orderId, Long.MAX_VALUE, now).orElseThrow();
    }

    /**
     * Credits {@code amount} with its ledger row in one statement unless the balance would pass
     * {@code maxBalance}; an upsert, so a user's first credits cannot race each other into a
     * duplicate key.
     */
    private Optional<LedgerEntry> credit(BalanceTransactionType type, long userId, long amount, String orderId,
            long maxBalance, Instant now) {
        return SentChanges.send(() -> jdbc.sql("""
                with credited as (
                    insert into user_balance as b (user_id, balance, updated_at)
                    values (:userId, :amount, :now)
                    on conflict (user_id) do update
                       set balance = b.balance + excluded.balance, updated_at = excluded.updated_at
                     where b.balance <= :maxBalance - excluded.balance
                    returning balance
                )
                insert into balance_transaction (user_id, type, amount, balance_after, order_id, created_at)
                select :userId, :type, :amount, balance, :orderId, :now from credited
                returning id, balance_after
                """)
                .param("userId", userId).param("amount", amount).param("maxBalance", maxBalance)
                .param("type", type.name()).param("orderId", orderId, Types.VARCHAR)
                .param("now", SqlTime.param(now))
                .query((rs, n) -> new LedgerEntry(rs.getLong("id"), rs.getLong("balance_after")))
                .optional());
    }

    @Override
    public List<BalanceTransaction> transactions(long userId, long offset, int limit) {
        return jdbc.sql("""
                select id, user_id, type, amount, balance_after, order_id, created_at
                  from balance_transaction
                 where user_id = :userId
                 order by id desc
                 offset :offset limit :limit
                """)
                .param("userId", userId).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new BalanceTransaction(rs.getLong("id"), rs.getLong("user_id"),
                        BalanceTransactionType.valueOf(rs.getString("type")), rs.getLong("amount"),
                        rs.getLong("balance_after"), rs.getString("order_id"), SqlTime.read(rs, "created_at")))
                .list();
    }

    @Override
    public long countTransactions(long userId) {
        return jdbc.sql("select count(*) from balance_transaction where user_id = :userId")
                .param("userId", userId)
                .query(Long.class).single();
    }
}
