package org.mailoutcome.interop;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.mailoutcome.testsupport.EximServer;

/**
 * Gives tests the one Exim of the run and the {@link EximPeers} it relays to: started on first use (the peers
 * first), kept in the root store so every IT class shares them, stopped by JUnit when the run ends. An Exim that
 * cannot start fails every test that asks for it, with the reason; nothing is skipped.
 */
final class EximExtension implements ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(EximExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EximServer.class || type == EximPeers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        EximPeers peers = store.getOrComputeIfAbsent(EximPeers.class, key -> EximPeers.start(), EximPeers.class);
        EximServer exim = store.getOrComputeIfAbsent(EximServer.class, key -> start(peers), EximServer.class);
        return parameter.getParameter().getType() == EximServer.class ? exim : peers;
    }

    private static EximServer start(EximPeers peers) {
        long started = System.nanoTime();
        EximServer server = EximServer.start(peers.remote().port(), peers.notices().port());
        System.out.printf("interop: Exim on %s:%d (DSN) and :%d (no DSN), run dir %s, started in %d ms%n",
                EximServer.HOST, server.port(), server.noDsnPort(), server.runDir(),
                (System.nanoTime() - started) / 1_000_000);
        return server;
    }
}
