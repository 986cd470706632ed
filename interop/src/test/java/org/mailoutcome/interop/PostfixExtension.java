package org.mailoutcome.interop;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one Postfix of the run: started on first use, kept in the root store so every IT class shares
 * it, stopped by JUnit when the run ends (the store closes {@code AutoCloseable} values). A Postfix that cannot
 * start fails every test that asks for it, with the reason; nothing is skipped.
 */
final class PostfixExtension implements ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(PostfixExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostfixServer.class;
    }

    @Override
    public PostfixServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(PostfixServer.class, key -> start(), PostfixServer.class);
    }

    /** Failsafe sets both properties (see the pom); the defaults are the same paths, for running from an IDE. */
    private static PostfixServer start() {
        Path recipe = Path.of(System.getProperty("interop.postfix.recipe", "postfix"));
        Path run = PostfixServer.reachable(Path.of(System.getProperty("interop.postfix.run", "target/postfix-run")));
        long started = System.nanoTime();
        PostfixServer server = PostfixServer.start(recipe, run);
        System.out.printf("interop: Postfix on %s:%d and :%d, run dir %s, started in %d ms%n", PostfixServer.HOST,
                server.port(), server.untrustedPort(), server.runDir(), (System.nanoTime() - started) / 1_000_000);
        return server;
    }
}
