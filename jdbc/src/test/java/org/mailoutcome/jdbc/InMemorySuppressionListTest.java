package org.mailoutcome.jdbc;

import org.mailoutcome.tracking.InMemorySuppressionList;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.tracking.SuppressionPolicy;

/** The suppression-list contract on the in-memory list. */
class InMemorySuppressionListTest extends SuppressionListContract {
    @Override
    SuppressionList list(SuppressionPolicy policy) {
        return new InMemorySuppressionList(policy);
    }
}
