package org.mitan.catalogue;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value kept with the current transaction under an owner's key: unbound while the transaction is suspended, bound
 * again when it resumes, and unbound when it ends, after which {@code atEnd} runs. The catalogue keeps what a
 * transaction read ({@link Catalogue}) and whether it deployed ({@link DeployedVersions}) this way.
 */
final class TransactionBound {

    private TransactionBound() {
    }

    /** Binds {@code value} to {@code owner} until the current transaction ends; call it with synchronization on. */
    static void bind(Object owner, Object value, Runnable atEnd) {
        TransactionSynchronizationManager.bindResource(owner, value);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(owner);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(owner, value);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                atEnd.run();
            }
        });
    }
}
