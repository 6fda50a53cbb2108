package shop.commerce.support.persistence;

import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * The idempotency mechanism rolls a refused request back to a JDBC savepoint and stores the
 * refusal in the same transaction, so the key's lock is never let go in between. For that, a
 * failing participant must not doom the whole transaction by itself; the outermost boundary still
 * rolls back whenever an exception reaches it.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfig {

    @Bean
    TransactionManagerCustomizer<AbstractPlatformTransactionManager> outermostBoundaryDecidesRollback() {
        return transactionManager -> {
            transactionManager.setGlobalRollbackOnParticipationFailure(false);
        };
    }
}
