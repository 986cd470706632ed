package org.mailoutcome.jdbc;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.mailoutcome.testsupport.PostgresServer;

/**
 * The one PostgreSQL of the run: started on first use, kept in the root store so every test class shares it,
 * stopped by JUnit when the run ends. A server that cannot start fails the tests that need it; nothing is skipped.
 */
final class PostgresExtension {
    private static final Namespace NAMESPACE = Namespace.create(PostgresExtension.class);

    private PostgresExtension() {
    }

    static PostgresServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(PostgresServer.class,
                key -> PostgresServer.start(), PostgresServer.class);
    }
}
