package org.mailoutcome.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.tracking.SuppressionPolicy;

/** The suppression-list contract on an H2 file, a new file per test. */
class H2SuppressionListIT extends SuppressionListContract {
    private Database db;

    @Override
    SuppressionList list(SuppressionPolicy policy) throws Exception {
        db = Database.h2("suppressions");
        return JdbcSuppressionList.builder(db.dataSource()).policy(policy).build();
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }
}
