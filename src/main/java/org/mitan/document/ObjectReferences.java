package org.mitan.document;

import java.util.Collection;
import java.util.Set;

/**
 * A kind of record that points to objects in the store (scans, certificates, delivery photos): the repository of each
 * says which of the given keys its records point to, so that the store can be reconciled against every record
 * ({@link StoreReconciliation}).
 */
public interface ObjectReferences {

    /** Those of the keys that a record of this kind points to. */
    Set<String> referencedAmong(Collection<String> keys);
}
