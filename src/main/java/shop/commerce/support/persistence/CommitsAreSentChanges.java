package shop.commerce.support.persistence;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/** A commit that is about to be sent may take effect whatever answer comes back: see {@link SentChanges}. */
@Component
class CommitsAreSentChanges implements TransactionExecutionListener {

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        if (!transaction.isReadOnly()) {
            SentChanges.record();
        }
    }
}
