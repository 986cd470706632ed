package org.mailoutcome.jdbc;

import org.junit.jupiter.api.extension.ExtensionContext;

/** Durable retries of tracked sends with a suppression list and an address book, on an H2 file. */
class H2FatesInRetriesIT extends FatesInRetriesContract {
    @Override
    Database open(ExtensionContext context) throws Exception {
        return Database.h2("fates");
    }
}
