package org.mailoutcome.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A suite run on a new database per test, which each subclass opens (H2, PostgreSQL). */
abstract class OnADatabase {
    Database db;

    @RegisterExtension
    final BeforeEachCallback opener = context -> db = open(context);

    /** A new, empty database for one test. */
    abstract Database open(ExtensionContext context) throws Exception;

    @AfterEach
    void closeDatabase() {
        db.close();
    }
}
