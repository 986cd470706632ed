package org.mailoutcome.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.tracking.SuppressionPolicy;

/** The suppression-list contract on PostgreSQL 15, a schema per test. */
class PostgresSuppressionListIT extends SuppressionListContract {
    private ExtensionContext context;
    private Database db;

    @RegisterExtension
    final BeforeEachCallback remember = c -> context = c;

    @Override
    SuppressionList list(SuppressionPolicy policy) {
        db = new Database(PostgresExtension.server(context).freshSchemaUrl());
        return JdbcSuppressionList.builder(db.dataSource()).policy(policy).build();
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }
}
