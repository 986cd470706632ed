package org.mailoutcome.jdbc;

import org.junit.jupiter.api.extension.ExtensionContext;

/** The history of an address on an H2 file. */
class H2HistoryIT extends HistoryContract {
    @Override
    Database open(ExtensionContext context) throws Exception {
        return Database.h2("history");
    }
}
