package org.mailoutcome.cli;

import picocli.CommandLine.Option;

/** Mixin: {@code --store JDBC_URL}, required: the database of the delivery records and what acts on them. */
final class StoreOption {
    @Option(names = "--store", required = true, paramLabel = "JDBC_URL", description = "The database "
            + "(jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DB?user=U&password=P).")
    String url;

    /** The stores of the database. */
    Stores open() {
        return Stores.open(url);
    }
}
